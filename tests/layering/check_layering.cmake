# Checks the engine's include graph against engine/layers.cmake:
#   cmake -DROOT=<repository> [-DENGINE=<engine dir>] -P check_layering.cmake
# Fails naming every file that includes a header of a layer above its own
# (or of a folder that is no layer), and every grammar/ file that includes
# the engine. ENGINE defaults to ROOT/engine; the layering self-test points
# it at a fixture tree with a back-edge.
cmake_minimum_required(VERSION 3.25)
if(NOT DEFINED ROOT)
  message(FATAL_ERROR "usage: cmake -DROOT=<repository> [-DENGINE=<dir>] -P check_layering.cmake")
endif()
if(NOT DEFINED ENGINE)
  set(ENGINE ${ROOT}/engine)
endif()
include(${ROOT}/engine/layers.cmake)

set(violations "")
set(checked 0)

file(GLOB folders LIST_DIRECTORIES true RELATIVE ${ENGINE} ${ENGINE}/*)
foreach(folder IN LISTS folders)
  if(NOT IS_DIRECTORY ${ENGINE}/${folder} OR folder STREQUAL "include" OR folder STREQUAL "package")
    continue()
  endif()
  if(NOT folder IN_LIST ERGO_LAYERS)
    string(APPEND violations "engine/${folder}/: a folder that is not a layer; add it to engine/layers.cmake\n")
    continue()
  endif()
  file(GLOB_RECURSE sources RELATIVE ${ENGINE} ${ENGINE}/${folder}/*.cpp ${ENGINE}/${folder}/*.hpp)
  foreach(source IN LISTS sources)
    math(EXPR checked "${checked} + 1")
    file(STRINGS ${ENGINE}/${source} includes REGEX "^[ \t]*#[ \t]*include[ \t]*\"engine/[^/\"]+/")
    foreach(line IN LISTS includes)
      string(REGEX MATCH "\"engine/([^/\"]+)/[^\"]*\"" quoted "${line}")
      set(target ${CMAKE_MATCH_1})
      if(NOT target IN_LIST ERGO_REACH_${folder})
        string(REPLACE ";" ", " allowed "${ERGO_REACH_${folder}}")
        string(APPEND violations
          "engine/${source}: includes ${quoted}, but layer '${folder}' may use only ${allowed}\n")
      endif()
    endforeach()
  endforeach()
endforeach()

# grammar/ turns text into syntax trees and knows nothing of the engine.
file(GLOB_RECURSE grammar_sources RELATIVE ${ROOT} ${ROOT}/grammar/*.cpp ${ROOT}/grammar/*.hpp)
foreach(source IN LISTS grammar_sources)
  math(EXPR checked "${checked} + 1")
  file(STRINGS ${ROOT}/${source} includes REGEX "^[ \t]*#[ \t]*include[ \t]*\"(engine|ergo)/")
  foreach(line IN LISTS includes)
    string(REGEX MATCH "\"[^\"]*\"" quoted "${line}")
    string(APPEND violations "${source}: includes ${quoted}; grammar/ must not depend on the engine\n")
  endforeach()
endforeach()

if(violations)
  # Plain lines (NOTICE is not re-wrapped), one per include, then the failure.
  message(NOTICE "${violations}")
  message(FATAL_ERROR "include back-edges against the layer order of engine/layers.cmake (listed above)")
endif()
string(REPLACE ";" " < " order "${ERGO_LAYERS}")
message(STATUS "layering: ${checked} files; every include runs down the layer order ${order}")
