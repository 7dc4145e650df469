# Declarative helpers so that each layer's CMakeLists.txt stays a few lines long.
#
#   ordo_add_module(NAME SOURCES a.cc b.cc DEPS ordo::core [PUBLIC_LIBS ...])
#     -> static library ordo_NAME with alias ordo::NAME, include root src/
#   ordo_add_test(NAME SOURCES a_test.cc DEPS ordo::core)
#     -> GoogleTest binary registered with ctest through gtest_discover_tests
#   ordo_precompile_test_headers(TARGET)
#     -> GoogleTest's and GoogleMock's headers precompiled once for TARGET (docs/testing.md)
#   ordo_unity_build(TARGET)
#     -> with ORDO_UNITY_BUILD, TARGET's files compiled ORDO_UNITY_BATCH_SIZE at a time
#   Both ordo_add_module and ordo_add_test take NO_UNITY for a target whose files cannot share a
#   translation unit yet.

# Unity builds (the debug preset turns them on; docs/testing.md): a target's .cc files are
# compiled in batches, each batch one translation unit, so the headers they share are parsed and
# the inline functions and template instances they share are compiled and instrumented once per
# batch instead of once per file. Names in a file's anonymous namespace share the batch: two files
# of one target must not define the same one (the compiler names both files when they do).
option(ORDO_UNITY_BUILD "Compile each target's files in batches (unity build)" OFF)
set(ORDO_UNITY_BATCH_SIZE 8 CACHE STRING "Files per translation unit of a unity build")

function(ordo_unity_build target)
  if(ORDO_UNITY_BUILD)
    set_target_properties(${target} PROPERTIES UNITY_BUILD ON
                          UNITY_BUILD_BATCH_SIZE ${ORDO_UNITY_BATCH_SIZE})
  endif()
endfunction()

# gtest.h and gmock.h cost about 2 s of CPU per file to parse under the debug preset's flags; a
# test binary parses them once into a precompiled header and its files load that instead.
function(ordo_precompile_test_headers target)
  target_precompile_headers(${target} PRIVATE <gtest/gtest.h> <gmock/gmock.h>)
endfunction()

function(ordo_add_module name)
  cmake_parse_arguments(ARG "NO_UNITY" "" "SOURCES;DEPS;PRIVATE_LIBS" ${ARGN})
  add_library(ordo_${name} STATIC ${ARG_SOURCES})
  if(NOT ARG_NO_UNITY)
    ordo_unity_build(ordo_${name})
  endif()
  add_library(ordo::${name} ALIAS ordo_${name})
  target_include_directories(ordo_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_compile_options(ordo_${name} PRIVATE ${ORDO_WARNING_FLAGS})
  target_link_libraries(ordo_${name} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_LIBS})
endfunction()

function(ordo_add_test name)
  if(NOT ORDO_BUILD_TESTS)
    return()
  endif()
  cmake_parse_arguments(ARG "NO_UNITY" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  if(NOT ARG_NO_UNITY)
    ordo_unity_build(${name})
  endif()
  target_compile_options(${name} PRIVATE ${ORDO_WARNING_FLAGS})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gmock GTest::gtest_main)
  ordo_precompile_test_headers(${name})
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60
    PROPERTIES ENVIRONMENT "ORDO_TEST_DATA_DIR=${ORDO_DATA_DIR}")
endfunction()
