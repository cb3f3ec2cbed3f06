# CTest script (embed_public_headers): the public headers as an embedder
# sees them, with engine/include as the only include directory.
#  1. <ergo/ergo.hpp> includes every header of include/ergo;
#  2. each header includes only "ergo/..." headers of the folder and
#     headers of the C++ standard library, and compiles on its own (twice
#     in one translation unit, for the include guard);
#  3. <ergo/ergo.hpp> preprocessed pulls in no Boost, Graphviz or nlohmann
#     header (it reports the preprocessed size);
#  4. a consumer translation unit including it compiles (-O2 -c, as a
#     release build of the consumer would) in under 2 s of CPU time: the
#     median of 5 runs, or the best of them on a loaded machine (below).
# Usage: cmake -DCXX=<compiler> -DINCLUDE_DIR=<engine/include> -DWORK_DIR=<dir> -P public_headers.cmake
cmake_minimum_required(VERSION 3.25)

foreach(var CXX INCLUDE_DIR WORK_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "public_headers.cmake: -D${var}=... is required")
  endif()
endforeach()
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

# 1. The umbrella includes every public header.
file(GLOB headers RELATIVE ${INCLUDE_DIR} ${INCLUDE_DIR}/ergo/*.hpp)
list(SORT headers)
file(READ ${INCLUDE_DIR}/ergo/ergo.hpp umbrella)
foreach(h IN LISTS headers)
  if(NOT h STREQUAL "ergo/ergo.hpp" AND NOT umbrella MATCHES "#include \"${h}\"")
    message(SEND_ERROR "ergo/ergo.hpp does not include ${h}")
  endif()
endforeach()

# 2. Every header includes only ergo/ headers and the standard library
# (read from its #include lines, so a new dependency is caught even when
# something else happens to pull the same file in), and is self-contained.
set(std_headers
  algorithm any array atomic barrier bit bitset cassert cctype cerrno cfenv cfloat charconv chrono cinttypes
  climits clocale cmath codecvt compare complex concepts condition_variable coroutine csetjmp csignal cstdarg
  cstddef cstdint cstdio cstdlib cstring ctime cuchar cwchar cwctype deque exception execution expected
  filesystem format forward_list fstream functional future initializer_list iomanip ios iosfwd iostream
  istream iterator latch limits list locale map memory memory_resource mutex new numbers numeric optional
  ostream queue random ranges ratio regex scoped_allocator semaphore set shared_mutex source_location span
  sstream stack stdexcept stop_token streambuf string string_view syncstream system_error thread tuple
  type_traits typeindex typeinfo unordered_map unordered_set utility valarray variant vector version)
foreach(h IN LISTS headers)
  file(READ ${INCLUDE_DIR}/${h} text)
  string(REGEX MATCHALL "#[ \t]*include[ \t]*[<\"][^>\"\n]+[>\"]" includes "${text}")
  foreach(line IN LISTS includes)
    if(line MATCHES "<([^>]+)>$")
      if(NOT CMAKE_MATCH_1 IN_LIST std_headers)
        message(SEND_ERROR "<${h}> includes <${CMAKE_MATCH_1}>, which is not a C++ standard library header")
      endif()
    elseif(line MATCHES "\"([^\"]+)\"$")
      set(included_header "${CMAKE_MATCH_1}")
      if(NOT included_header MATCHES "^ergo/[a-z0-9_]+\\.hpp$" OR NOT EXISTS ${INCLUDE_DIR}/${included_header})
        message(SEND_ERROR "<${h}> includes \"${included_header}\", which is not a public ergo header")
      endif()
    endif()
  endforeach()
  list(LENGTH includes n)
  if(n EQUAL 0)
    message(SEND_ERROR "<${h}>: no #include found (is the check reading it?)")
  endif()
endforeach()
foreach(h IN LISTS headers)
  string(MAKE_C_IDENTIFIER ${h} id)
  file(WRITE ${WORK_DIR}/${id}.cpp "#include <${h}>\n#include <${h}>\n")
  execute_process(COMMAND ${CXX} -std=c++20 -fsyntax-only -I${INCLUDE_DIR} ${WORK_DIR}/${id}.cpp
    RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(SEND_ERROR "<${h}> does not compile on its own:\n${err}")
  endif()
endforeach()

# 3. Nothing of Boost, Graphviz or nlohmann behind the umbrella.
set(consumer ${WORK_DIR}/consumer.cpp)
file(WRITE ${consumer} [=[
// What a program embedding ergo compiles, like docs/examples/investors: the
// umbrella header, a database, parameters, rows, values and graph elements.
#include <ergo/ergo.hpp>

#include <iostream>
#include <string>

int main(int argc, char** argv) {
  try {
    ergo::Database db = ergo::Database::open({argc > 1 ? argv[1] : "data"});
    ergo::Result found = db.find_by_name("OpenAI");
    const std::string name = found.property(found.at(0)["node"].as_node(), "name").as_string();
    ergo::PreparedQuery q = db.prepare("MATCH (i)-[d:INVESTS_IN]->({name: $name}) RETURN i, d, i.name AS investor");
    ergo::Result r = q.execute({{"name", name}});
    for (const ergo::Row& row : r) {
      std::cout << row["investor"].as_string();
      if (ergo::Value amount = r.property(row["d"].as_relationship(), "amount"); !amount.is_null()) {
        std::cout << ' ' << amount.as_int();
      }
      std::cout << ' ' << r.labels(row[0].as_node()).size() << '\n';
    }
    ergo::write_result(std::cout, r, {ergo::Format::json});
    return ergo::to_dot(r).empty() ? 1 : 0;
  } catch (const ergo::Error& e) {
    std::cerr << e.what() << '\n';
    return 1;
  }
}
]=])
execute_process(COMMAND ${CXX} -std=c++20 -E -I${INCLUDE_DIR} ${consumer}
  OUTPUT_FILE ${WORK_DIR}/consumer.ii RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "preprocessing <ergo/ergo.hpp> failed:\n${err}")
endif()
file(STRINGS ${WORK_DIR}/consumer.ii markers REGEX "^# [0-9]+ \"")
set(included "")
foreach(m IN LISTS markers)
  if(m MATCHES "^# [0-9]+ \"([^\"]+)\"")
    list(APPEND included "${CMAKE_MATCH_1}")
  endif()
endforeach()
list(REMOVE_DUPLICATES included)
foreach(f IN LISTS included)
  string(TOLOWER "${f}" lower)
  if(lower MATCHES "boost/|graphviz|nlohmann|spirit|cgraph|gvc")
    message(SEND_ERROR "<ergo/ergo.hpp> drags in ${f}")
  endif()
endforeach()
file(SIZE ${WORK_DIR}/consumer.ii ii_bytes)
file(STRINGS ${WORK_DIR}/consumer.ii ii_lines)
list(LENGTH ii_lines ii_line_count)
list(LENGTH included file_count)
message(STATUS "<ergo/ergo.hpp> preprocessed: ${ii_bytes} bytes, ${ii_line_count} non-empty lines, ${file_count} files")

# 4. Compile time of the consumer as a consumer's release build compiles
# it (-O2 -c: parsing, template instantiation and code generation), as CPU
# time (user + system, from bash's `time`): what it costs on an idle
# machine, whatever else a parallel ctest or a shared CI host is running.
# Wall time is reported beside it. The median of 5 runs must be under the
# limit.
find_program(BASH bash REQUIRED)
set(limit_ms 2000)
set(cpu_times "")
set(wall_times "")
foreach(run RANGE 1 5)
  string(TIMESTAMP start "%s%f" UTC)
  execute_process(
    COMMAND ${BASH} -c "TIMEFORMAT='%3U %3S'; time \"$0\" -std=c++20 -O2 -c -I\"$1\" \"$2\" -o \"$3\""
      ${CXX} ${INCLUDE_DIR} ${consumer} ${WORK_DIR}/consumer.o
    RESULT_VARIABLE rc ERROR_VARIABLE err)
  string(TIMESTAMP stop "%s%f" UTC)
  if(NOT rc EQUAL 0 OR NOT err MATCHES "([0-9]+)\\.([0-9]+) ([0-9]+)\\.([0-9]+)[ \t\r\n]*$")
    message(FATAL_ERROR "the consumer does not compile:\n${err}")
  endif()
  math(EXPR cpu_ms "${CMAKE_MATCH_1} * 1000 + ${CMAKE_MATCH_2} + ${CMAKE_MATCH_3} * 1000 + ${CMAKE_MATCH_4}")
  math(EXPR wall_ms "(${stop} - ${start}) / 1000")
  list(APPEND cpu_times ${cpu_ms})
  list(APPEND wall_times ${wall_ms})
endforeach()
list(SORT cpu_times COMPARE NATURAL)
list(SORT wall_times COMPARE NATURAL)
list(GET cpu_times 2 median_cpu_ms)
list(GET wall_times 2 median_wall_ms)
list(JOIN cpu_times " " cpu_list)
list(JOIN wall_times " " wall_list)
message(STATUS "consumer g++ -std=c++20 -O2 -c: CPU ms ${cpu_list} (median ${median_cpu_ms}); "
  "wall ms ${wall_list} (median ${median_wall_ms}); limit ${limit_ms} ms CPU")
if(NOT median_cpu_ms LESS limit_ms)
  message(SEND_ERROR "a translation unit including <ergo/ergo.hpp> takes ${median_cpu_ms} ms of CPU to compile "
    "(median of 5; limit ${limit_ms} ms)")
endif()
