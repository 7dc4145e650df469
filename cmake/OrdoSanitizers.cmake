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
  # ASan's checks of global arrays are off (gcc's asan-globals): with them, every process starts by
  # registering each global and string literal of every object file and poisoning the shadow
  # around it, which was 55 % of the page faults of `ordo --help` (12,700 of them: 0.29 s of
  # wall time on a machine where a fault costs about 10 µs; without, 5,700 and 0.13 s). Heap,
  # stack and use-after-free checks, UBSan and LeakSanitizer stay; docs/testing.md.
  if("address" IN_LIST ORDO_SANITIZE AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    add_compile_options(--param=asan-globals=0)
  endif()
endif()
