# ergo-bench --db DIR end to end (tools/bench/on_disk.cpp): the three-node
# graph of ergo_bench_writes.cmake imported into a new database directory,
# read after a reopen, written durably, then RO (reopen + Q1). The JSON must
# say on-disk, hold Q1's answer for RO as for Q1, WA as in memory, and the
# bytes on disk; the directory must hold the database afterwards. Run by
# ctest as
#   cmake -DERGO_BENCH=<ergo-bench> -DWORK=<dir> -P ergo_bench_disk.cmake
cmake_minimum_required(VERSION 3.25)
include(${CMAKE_CURRENT_LIST_DIR}/tiny_kit.cmake)

set(data ${WORK}/small)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/db)
file(WRITE ${WORK}/db/log.ergo "an earlier run's database is wiped first")
write_tiny_kit(${data} "Q1 MATCH (a:Company {name: 'n2'}) RETURN a.name, a.founded")

execute_process(COMMAND ${ERGO_BENCH} ${data} --db ${WORK}/db --runs 1 --out ${WORK}/small.ergo-disk.json
  RESULT_VARIABLE status ERROR_VARIABLE log)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "ergo-bench --db failed (${status}):\n${log}")
endif()
file(READ ${WORK}/small.ergo-disk.json json)

expect("variant" "on-disk")
expect("loaded;nodes" "3")
expect("loaded;edges" "2")
expect("queries;Q1;answer" "n2:2010")
expect("queries;W1;answer" "2")
expect("queries;W4;answer" "1")
expect("queries;WA;answer" "nodes=4 edges=1 founded=8057")
expect("queries;RO;answer" "n2:2010")
expect("queries;RO;status" "ok")
foreach(field load_ms disk_bytes_after_load disk_bytes reopen_after_load_ms queries.RO.median_ms)
  string(REPLACE "." ";" path ${field})
  string(JSON value ERROR_VARIABLE error GET "${json}" ${path})
  if(error OR NOT value GREATER 0)
    message(FATAL_ERROR "${field}: missing or not positive (${error})\n${json}")
  endif()
endforeach()
file(GLOB files RELATIVE ${WORK}/db ${WORK}/db/*)
list(SORT files)
if(NOT files STREQUAL "lock;log.ergo;snapshot.ergo")
  message(FATAL_ERROR "the database directory holds '${files}', not lock;log.ergo;snapshot.ergo")
endif()
# A directory with other files in it is refused and left as it was.
file(MAKE_DIRECTORY ${WORK}/other)
file(WRITE ${WORK}/other/notes.txt "keep me")
execute_process(COMMAND ${ERGO_BENCH} ${data} --db ${WORK}/other --runs 1 --out ${WORK}/other.json
  RESULT_VARIABLE status ERROR_VARIABLE log)
if(status EQUAL 0 OR NOT EXISTS ${WORK}/other/notes.txt)
  message(FATAL_ERROR "ergo-bench --db wiped a directory that is not a database (${status}):\n${log}")
endif()
if(NOT log MATCHES "holds 'notes.txt', which is not a database file; ergo-bench --db wipes its directory first")
  message(FATAL_ERROR "unexpected refusal:\n${log}")
endif()
message(STATUS "ergo-bench --db ran the kit's on-disk protocol")
