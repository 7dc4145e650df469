# ORDO_SANITIZE="address;undefined" turns on ASan and UBSan for every target (the debug preset).
if(ORDO_SANITIZE)
  string(REPLACE ";" "," _ordo_san "${ORDO_SANITIZE}")
  add_compile_options(-fsanitize=${_ordo_san} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${_ordo_san})
endif()
