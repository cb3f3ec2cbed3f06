# Runs the programs of docs/examples/ once built, and checks what they print
# exactly, byte for byte, against tests/embed/expected/; included by the
# embed_* test scripts of this folder.
#   ergo_run_examples(BIN_DIR <dir> WORK_DIR <dir> [DATA_DIR <dir>])
# BIN_DIR holds investors, prepared_loop and render_svg (directly or in
# their subfolders). The programs find the bundled graph by themselves
# (ergo_DATA_DIR compiled in); DATA_DIR, when given, is passed instead.
include_guard(GLOBAL)
set(ERGO_EXPECTED_DIR ${CMAKE_CURRENT_LIST_DIR}/expected)

function(ergo_example_path out bin_dir name)
  foreach(candidate ${bin_dir}/${name} ${bin_dir}/${name}/${name} ${bin_dir}/examples/${name}/${name})
    if(EXISTS ${candidate} AND NOT IS_DIRECTORY ${candidate})
      set(${out} ${candidate} PARENT_SCOPE)
      return()
    endif()
  endforeach()
  message(FATAL_ERROR "example ${name} was not built in ${bin_dir}")
endfunction()

# Runs a program and fails unless its exit status is STATUS (default 0), no
# sanitizer reported anything, and what it wrote is exactly what is expected:
#   STDOUT_FILE <file>  standard output equals the file's text, after
#                       replacing each @VAR@ in it (e.g. @SVG@) by ${VAR};
#   STDOUT <text>       standard output equals <text>; EMPTY_STDOUT: is empty;
#   STDERR <text>       standard error equals <text>; EMPTY_STDERR: is empty
#                       (not checked otherwise).
function(ergo_check_run)
  cmake_parse_arguments(PARSE_ARGV 0 arg "EMPTY_STDOUT;EMPTY_STDERR" "NAME;STATUS;STDOUT_FILE;STDOUT;STDERR"
    "COMMAND")
  if(NOT DEFINED arg_STATUS)
    set(arg_STATUS 0)
  endif()
  execute_process(COMMAND ${arg_COMMAND} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc STREQUAL arg_STATUS)
    message(FATAL_ERROR "${arg_NAME}: exit status ${rc}, expected ${arg_STATUS}\n--- stdout\n${out}\n--- stderr\n${err}")
  endif()
  if(err MATCHES "ThreadSanitizer|AddressSanitizer")
    message(FATAL_ERROR "${arg_NAME}: a sanitizer reported:\n${err}")
  endif()
  set(check_stdout ON)
  if(DEFINED arg_STDOUT_FILE)
    file(READ ${arg_STDOUT_FILE} expected)
    string(CONFIGURE "${expected}" expected @ONLY)
  elseif(DEFINED arg_STDOUT)
    set(expected "${arg_STDOUT}")
  elseif(arg_EMPTY_STDOUT)
    set(expected "")
  else()
    set(check_stdout OFF)
  endif()
  if(check_stdout AND NOT out STREQUAL expected)
    message(FATAL_ERROR "${arg_NAME}: standard output differs from what is expected"
      "\n--- expected\n${expected}\n--- got\n${out}\n--- stderr\n${err}")
  endif()
  if(arg_EMPTY_STDERR)
    set(arg_STDERR "")
  endif()
  if((DEFINED arg_STDERR OR arg_EMPTY_STDERR) AND NOT err STREQUAL arg_STDERR)
    message(FATAL_ERROR "${arg_NAME}: standard error differs from what is expected"
      "\n--- expected\n${arg_STDERR}\n--- got\n${err}")
  endif()
  message(STATUS "${arg_NAME}: ok")
endfunction()

function(ergo_run_examples)
  cmake_parse_arguments(arg "" "BIN_DIR;WORK_DIR;DATA_DIR" "" ${ARGN})
  ergo_example_path(investors ${arg_BIN_DIR} investors)
  ergo_example_path(prepared_loop ${arg_BIN_DIR} prepared_loop)
  ergo_example_path(render_svg ${arg_BIN_DIR} render_svg)
  set(data "")
  if(arg_DATA_DIR)
    set(data ${arg_DATA_DIR})
  endif()

  ergo_check_run(NAME "investors"
    COMMAND ${investors} OpenAI ${data}
    STDOUT_FILE ${ERGO_EXPECTED_DIR}/investors.txt EMPTY_STDERR)
  ergo_check_run(NAME "investors (Korean alias)"
    COMMAND ${investors} "오픈AI" ${data}
    STDOUT_FILE ${ERGO_EXPECTED_DIR}/investors.txt EMPTY_STDERR)
  ergo_check_run(NAME "investors (a company nobody invested in)"
    COMMAND ${investors} microsoft ${data}
    STDOUT "no fact says who invested in Microsoft\n" EMPTY_STDERR)
  ergo_check_run(NAME "investors (an unknown name)"
    COMMAND ${investors} "no such company" ${data}
    STATUS 1 EMPTY_STDOUT STDERR "investors: nothing is named 'no such company'\n")
  ergo_check_run(NAME "investors (a missing data directory)"
    COMMAND ${investors} OpenAI ${arg_WORK_DIR}/no-such-dir
    STATUS 1 EMPTY_STDOUT
    STDERR "${arg_WORK_DIR}/no-such-dir: error: no such file or directory\n1 error; nothing was loaded\n\n")
  ergo_check_run(NAME "prepared_loop"
    COMMAND ${prepared_loop} ${data}
    STDOUT_FILE ${ERGO_EXPECTED_DIR}/prepared_loop.txt EMPTY_STDERR)

  set(SVG ${arg_WORK_DIR}/openai.svg)
  file(REMOVE ${SVG})
  ergo_check_run(NAME "render_svg"
    COMMAND ${render_svg} ${SVG} ${data}
    STDOUT_FILE ${ERGO_EXPECTED_DIR}/render_svg.txt)
  # What was drawn: the 12 nodes and 20 relationships the summary counts,
  # OpenAI among them, under the program's title.
  file(READ ${SVG} svg_text)
  string(REGEX MATCHALL "<g id=\"node[0-9]+\" class=\"node\"" svg_nodes "${svg_text}")
  string(REGEX MATCHALL "<g id=\"edge[0-9]+\" class=\"edge\"" svg_edges "${svg_text}")
  list(LENGTH svg_nodes node_count)
  list(LENGTH svg_edges edge_count)
  if(NOT svg_text MATCHES "^<\\?xml" OR NOT svg_text MATCHES "</svg>\n$" OR NOT node_count EQUAL 12
     OR NOT edge_count EQUAL 20 OR NOT svg_text MATCHES ">OpenAI<"
     OR NOT svg_text MATCHES "OpenAI: investments, partnerships, products")
    message(FATAL_ERROR "render_svg: ${SVG} is not the expected diagram of OpenAI "
      "(${node_count} nodes, ${edge_count} relationships)")
  endif()
endfunction()
