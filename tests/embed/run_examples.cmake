# CTest script (embed_add_subdirectory): runs docs/examples/ as built by
# embed_subproject_build, where ergo came in through add_subdirectory().
#   cmake -DBIN_DIR=<build>/examples -DWORK_DIR=<dir> -P run_examples.cmake
cmake_minimum_required(VERSION 3.25)
include(${CMAKE_CURRENT_LIST_DIR}/examples.cmake)
file(MAKE_DIRECTORY ${WORK_DIR})
ergo_run_examples(BIN_DIR ${BIN_DIR} WORK_DIR ${WORK_DIR})
