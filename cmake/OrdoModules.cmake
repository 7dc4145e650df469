# Declarative helpers so that each layer's CMakeLists.txt stays a few lines long.
#
#   ordo_add_module(NAME SOURCES a.cc b.cc DEPS ordo::core [PUBLIC_LIBS ...])
#     -> static library ordo_NAME with alias ordo::NAME, include root src/
#   ordo_add_test(NAME SOURCES a_test.cc DEPS ordo::core)
#     -> GoogleTest binary registered with ctest through gtest_discover_tests

function(ordo_add_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PRIVATE_LIBS" ${ARGN})
  add_library(ordo_${name} STATIC ${ARG_SOURCES})
  add_library(ordo::${name} ALIAS ordo_${name})
  target_include_directories(ordo_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_compile_options(ordo_${name} PRIVATE ${ORDO_WARNING_FLAGS})
  target_link_libraries(ordo_${name} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_LIBS})
endfunction()

function(ordo_add_test name)
  if(NOT ORDO_BUILD_TESTS)
    return()
  endif()
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_compile_options(${name} PRIVATE ${ORDO_WARNING_FLAGS})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gmock GTest::gtest_main)
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60
    PROPERTIES ENVIRONMENT "ORDO_TEST_DATA_DIR=${ORDO_DATA_DIR}")
endfunction()
