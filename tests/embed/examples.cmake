# Runs the programs of docs/examples/ once built, and checks what they print;
# included by the embed_* test scripts of this folder.
#   ergo_run_examples(BIN_DIR <dir> WORK_DIR <dir> [DATA_DIR <dir>])
# BIN_DIR holds investors, prepared_loop and render_svg (directly or in
# their subfolders). The programs find the bundled graph by themselves
# (ergo_DATA_DIR compiled in); DATA_DIR, when given, is passed instead.
include_guard(GLOBAL)

function(ergo_example_path out bin_dir name)
  foreach(candidate ${bin_dir}/${name} ${bin_dir}/${name}/${name} ${bin_dir}/examples/${name}/${name})
    if(EXISTS ${candidate} AND NOT IS_DIRECTORY ${candidate})
      set(${out} ${candidate} PARENT_SCOPE)
      return()
    endif()
  endforeach()
  message(FATAL_ERROR "example ${name} was not built in ${bin_dir}")
endfunction()

# Runs a program; fails unless it exits 0 and its output matches every regex.
function(ergo_check_run)
  cmake_parse_arguments(arg "" "NAME" "COMMAND;EXPECT" ${ARGN})
  execute_process(COMMAND ${arg_COMMAND} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${arg_NAME}: exit status ${rc}\n--- stdout\n${out}\n--- stderr\n${err}")
  endif()
  if(err MATCHES "ThreadSanitizer|AddressSanitizer")
    message(FATAL_ERROR "${arg_NAME}: a sanitizer reported:\n${err}")
  endif()
  foreach(re IN LISTS arg_EXPECT)
    if(NOT out MATCHES "${re}")
      message(FATAL_ERROR "${arg_NAME}: output does not match '${re}':\n${out}\n${err}")
    endif()
  endforeach()
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
    EXPECT "4 facts say who invested in OpenAI"
           "Microsoft invested 1000000000 USD on 2019-07-22"
           "source: 001_009795713d7dc0a1, line 4")
  ergo_check_run(NAME "investors (Korean alias)"
    COMMAND ${investors} "오픈AI" ${data}
    EXPECT "who invested in OpenAI:")
  ergo_check_run(NAME "prepared_loop"
    COMMAND ${prepared_loop} ${data}
    EXPECT "\nMicrosoft +16 neighbours  via " "\nOpenAI +[0-9]+ neighbours")

  set(svg ${arg_WORK_DIR}/openai.svg)
  file(REMOVE ${svg})
  ergo_check_run(NAME "render_svg"
    COMMAND ${render_svg} ${svg} ${data}
    EXPECT "drew [0-9]+ nodes")
  file(READ ${svg} svg_text LIMIT 100000)
  if(NOT svg_text MATCHES "<svg" OR NOT svg_text MATCHES "OpenAI")
    message(FATAL_ERROR "render_svg: ${svg} is not an SVG diagram of OpenAI")
  endif()
endfunction()
