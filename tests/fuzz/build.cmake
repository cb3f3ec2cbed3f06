# CTest fixture script (fuzz_build): one more build of ergo, with clang,
# AddressSanitizer, UndefinedBehaviorSanitizer and libFuzzer's coverage
# instrumentation, of the fuzz targets and of what the sanitize_<suite> tests
# run (the suites and the ergo binary: TARGETS). The build folder persists,
# so a second ctest rebuilds only what changed.
#   cmake -DSOURCE_DIR=<repo> -DWORK_DIR=<dir> -DGENERATOR=<gen> -DJOBS=<n> [-DCXX=<clang++>] -P build.cmake
cmake_minimum_required(VERSION 3.25)

foreach(var SOURCE_DIR WORK_DIR GENERATOR JOBS)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "build.cmake: -D${var}=... is required")
  endif()
endforeach()

if(DEFINED CXX)
  set(CLANGXX ${CXX})
else()
  find_program(CLANGXX NAMES clang++ clang++-14)
endif()
if(NOT CLANGXX)
  message(FATAL_ERROR "clang++ is not installed: tools/setup.sh installs clang (libFuzzer comes with it)")
endif()

# -O1 -g1: sanitizer reports with files and lines, at a fraction of -O2's
# compile time; recovery off, so undefined behaviour is a crash the fuzzer
# keeps, not a line of output it ignores.
set(flags "-fsanitize=address,undefined,fuzzer-no-link -fno-sanitize-recover=all -fno-omit-frame-pointer")
execute_process(
  COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${WORK_DIR} -G ${GENERATOR}
    -DCMAKE_CXX_COMPILER=${CLANGXX} -DCMAKE_BUILD_TYPE=RelWithDebInfo
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1 -DNDEBUG" "-DCMAKE_CXX_FLAGS=${flags}"
    "-DCMAKE_EXE_LINKER_FLAGS=-fsanitize=address,undefined"
    -DERGO_FUZZ=ON -DERGO_TEST_EMBEDDING=OFF -DERGO_INSTALL=OFF
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "configuring the fuzz build failed")
endif()

string(TIMESTAMP start %s UTC)
# TARGETS: '|'-separated (default: the fuzz targets alone).
set(targets fuzz_targets)
if(DEFINED TARGETS)
  string(REPLACE "|" ";" targets "${TARGETS}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK_DIR} --parallel ${JOBS} --target ${targets}
  RESULT_VARIABLE rc)
string(TIMESTAMP stop %s UTC)
math(EXPR seconds "${stop} - ${start}")
message(STATUS "building ${targets} took ${seconds} s")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "building the fuzz targets failed")
endif()
