# ORDO_SANITIZE="address;undefined" turns on ASan and UBSan for every target (the debug preset).
if(ORDO_SANITIZE)
  string(REPLACE ";" "," _ordo_san "${ORDO_SANITIZE}")
  add_compile_options(-fsanitize=${_ordo_san} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${_ordo_san})
  # Sanitized executables are linked position-dependent: as PIEs, the sanitizers' per-check data
  # (source locations, type descriptors, global metadata) makes some 3 million relative
  # relocations (86 MB in `ordo`) that the loader applies at every start, about 0.08 s of CPU per
  # process. `make test` starts some thousands of processes (every test is one, and the
  # integration tests run `ordo` several times each); docs/testing.md. Release stays PIE;
  # ThreadSanitizer wants PIE.
  if(NOT "thread" IN_LIST ORDO_SANITIZE)
    add_link_options(-no-pie)
  endif()
endif()
