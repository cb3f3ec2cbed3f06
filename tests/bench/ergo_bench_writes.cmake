# ergo-bench's write workload end to end (tools/bench/write_workload.cpp):
# a three-node graph in the kit's CSV shape, one read and a writes file
# with every phase form, run with --runs 1; the JSON must hold each phase
# with its statement count, WA with the graph after the writes, and
# rss_peak_writes_mib. Run by ctest as
#   cmake -DERGO_BENCH=<ergo-bench> -DWORK=<dir> -P ergo_bench_writes.cmake
cmake_minimum_required(VERSION 3.25)
include(${CMAKE_CURRENT_LIST_DIR}/tiny_kit.cmake)

set(data ${WORK}/small)
file(REMOVE_RECURSE ${WORK})
write_tiny_kit(${data} "Q1 MATCH (a:Person {name: 'n1'}) RETURN a.name, a.founded")

execute_process(COMMAND ${ERGO_BENCH} ${data} --runs 1 --out ${WORK}/small.ergo.json
  RESULT_VARIABLE status ERROR_VARIABLE log)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "ergo-bench failed (${status}):\n${log}")
endif()
file(READ ${WORK}/small.ergo.json json)

expect("queries;Q1;answer" "n1:1990")
expect("queries;W1;status" "ok")
expect("queries;W1;answer" "2")
expect("queries;W2;answer" "1")
expect("queries;W3;answer" "1")
expect("queries;W4;answer" "1")
# 3 + 2 - 1 nodes; 2 + 1 - 2 relationships (n1 had both); 1999 + 2010 + 2024 + 2024.
expect("queries;WA;answer" "nodes=4 edges=1 founded=8057")
foreach(field queries.W2.median_ms queries.W2.cpu_ms rss_peak_writes_mib)
  string(REPLACE "." ";" path ${field})
  string(JSON value ERROR_VARIABLE error GET "${json}" ${path})
  if(error OR value LESS 0)
    message(FATAL_ERROR "${field}: missing or negative (${error})\n${json}")
  endif()
endforeach()
message(STATUS "ergo-bench ran W1-W4 and WA as the kit expects")
