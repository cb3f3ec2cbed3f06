# CTest script (fuzz_<target>): runs one libFuzzer target for a bounded
# time on its corpus, seeded from the repository's own inputs. Any crash,
# sanitizer report, leak, timeout (10 s for one input) or out-of-memory
# fails the test, and the input that did it is kept in WORK_DIR/ as
# crash-*, timeout-*, oom-* (turn it into a regression test, then fix it).
# The corpus grows in WORK_DIR/corpus from run to run.
#   cmake -DFUZZER=<binary> -DWORK_DIR=<dir> -DSEEDS=<glob;glob> [-DSECONDS=<n>] [-DDICT=<file>] -P run.cmake
# SECONDS sets the time (default 60 s); ERGO_FUZZ_SECONDS in the
# environment overrides it: set it high for a long run by hand.
cmake_minimum_required(VERSION 3.25)

foreach(var FUZZER WORK_DIR SEEDS)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run.cmake: -D${var}=... is required")
  endif()
endforeach()
if(NOT EXISTS ${FUZZER})
  message(FATAL_ERROR "${FUZZER} is missing: the fuzz_build test builds it")
endif()

set(seconds 60)
if(DEFINED SECONDS)
  set(seconds ${SECONDS})
endif()
if(DEFINED ENV{ERGO_FUZZ_SECONDS})
  set(seconds $ENV{ERGO_FUZZ_SECONDS})
endif()

# The seeds, copied flat into one folder (libFuzzer reads folders).
file(REMOVE_RECURSE ${WORK_DIR}/seeds)
file(MAKE_DIRECTORY ${WORK_DIR}/seeds ${WORK_DIR}/corpus)
file(GLOB_RECURSE seed_files ${SEEDS})
set(n 0)
foreach(f IN LISTS seed_files)
  math(EXPR n "${n} + 1")
  get_filename_component(name ${f} NAME)
  file(COPY_FILE ${f} ${WORK_DIR}/seeds/${n}-${name})
endforeach()
message(STATUS "${n} seed files")

set(args -max_total_time=${seconds} -timeout=10 -rss_limit_mb=2560 -max_len=65536 -print_final_stats=1
  -artifact_prefix=${WORK_DIR}/)
if(DEFINED DICT)
  list(APPEND args -dict=${DICT})
endif()
# Leaks are findings too; UBSan stops at the first report (the build has
# -fno-sanitize-recover) and prints the stack.
get_filename_component(here ${CMAKE_CURRENT_LIST_FILE} DIRECTORY)
set(ENV{ASAN_OPTIONS} "detect_leaks=1:abort_on_error=0:suppressions=${here}/sanitizers/asan.supp")
set(ENV{LSAN_OPTIONS} "suppressions=${here}/sanitizers/lsan.supp:print_suppressions=0")
set(ENV{UBSAN_OPTIONS} "print_stacktrace=1:halt_on_error=1")
execute_process(COMMAND ${FUZZER} ${args} ${WORK_DIR}/corpus ${WORK_DIR}/seeds
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
string(REGEX MATCH "stat::number_of_executed_units: *[0-9]+" runs "${out}")
file(GLOB corpus ${WORK_DIR}/corpus/*)
list(LENGTH corpus corpus_size)
message(STATUS "${runs}; corpus ${corpus_size} inputs; ${seconds} s")
if(NOT rc EQUAL 0)
  file(GLOB found ${WORK_DIR}/crash-* ${WORK_DIR}/timeout-* ${WORK_DIR}/oom-* ${WORK_DIR}/leak-*)
  message(FATAL_ERROR "${FUZZER} found a problem (exit ${rc}); kept: ${found}\n${out}")
endif()
