# CTest script (api_thread_safety_tsan): runs the ThreadSanitizer build of
# tests/api/thread_safety_test.cpp made by embed_subproject_build. It fails
# on a failed assertion and on any ThreadSanitizer report (TSAN_OPTIONS
# halt_on_error=1 exitcode=66). Kernels with more address-space
# randomisation than this TSan runtime expects make it stop at start-up
# ("unexpected memory mapping"); it is run again without randomisation then.
#   cmake -DTEST_BINARY=<path> -P run_tsan.cmake
cmake_minimum_required(VERSION 3.25)
if(NOT EXISTS "${TEST_BINARY}")
  message(FATAL_ERROR "${TEST_BINARY} was not built (embed_subproject_build failed?)")
endif()
if(NOT DEFINED ENV{TSAN_OPTIONS})
  set(ENV{TSAN_OPTIONS} "halt_on_error=1 exitcode=66")
endif()
message(STATUS "TSAN_OPTIONS=$ENV{TSAN_OPTIONS}")

execute_process(COMMAND ${TEST_BINARY} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(err MATCHES "unexpected memory mapping")
  find_program(SETARCH setarch)
  if(SETARCH)
    message(STATUS "ThreadSanitizer cannot start with this address-space randomisation; running under setarch -R")
    execute_process(COMMAND ${SETARCH} -R ${TEST_BINARY} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  endif()
endif()
message("${out}")
if(err)
  message("${err}")
endif()
if(rc EQUAL 66 OR err MATCHES "WARNING: ThreadSanitizer")
  message(FATAL_ERROR "ThreadSanitizer reported a problem (exit status ${rc})")
elseif(NOT rc EQUAL 0)
  message(FATAL_ERROR "the thread-safety test failed (exit status ${rc})")
endif()
