# Project-wide warning flags (STYLE.md section 10).
set(ORDO_WARNING_FLAGS -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wnon-virtual-dtor
    -Wold-style-cast)
if(ORDO_WERROR)
  list(APPEND ORDO_WARNING_FLAGS -Werror)
endif()
