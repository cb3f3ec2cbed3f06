# CTest script (embed_find_package, embed_find_package_shared): installs an
# ergo build into a temporary prefix outside the source tree, checks the
# layout, then builds docs/examples/ there as a user would — a copy of the
# folder, find_package(ergo CONFIG REQUIRED) with CMAKE_PREFIX_PATH — and
# with pkg-config, and runs them. Also runs the installed ergo binary, which
# finds the bundled graph in share/ergo/data. The temporary folder is
# removed when everything passed and kept (and named) otherwise.
#   cmake -DSOURCE_DIR=<repo> -DBUILD_DIR=<ergo build> -DGENERATOR=<gen>
#         [-DEXTRA_FLAGS=<compile+link flags>] [-DEXPECT_BINARY=ON]
#         -P find_package.cmake
cmake_minimum_required(VERSION 3.25)
include(${CMAKE_CURRENT_LIST_DIR}/examples.cmake)

foreach(var SOURCE_DIR BUILD_DIR GENERATOR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "find_package.cmake: -D${var}=... is required")
  endif()
endforeach()

set(temp_root $ENV{TMPDIR})
if(NOT temp_root)
  set(temp_root /tmp)
endif()
string(RANDOM LENGTH 8 suffix)
set(work ${temp_root}/ergo-embed-${suffix})
set(prefix ${work}/prefix)
file(MAKE_DIRECTORY ${work})
message(STATUS "working in ${work}")

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}\n(kept ${work})")
  endif()
endfunction()

# 1. Install, and check what landed where.
run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})
file(GLOB libdir_candidates ${prefix}/lib ${prefix}/lib64 ${prefix}/lib/*-linux-gnu)
set(libdir "")
foreach(d IN LISTS libdir_candidates)
  if(EXISTS ${d}/cmake/ergo/ergoConfig.cmake)
    set(libdir ${d})
  endif()
endforeach()
if(NOT libdir)
  message(FATAL_ERROR "no lib*/cmake/ergo/ergoConfig.cmake under ${prefix}")
endif()
file(GLOB libs ${libdir}/libergo.* ${libdir}/libergo_grammar.*)
foreach(f include/ergo/ergo.hpp include/ergo/database.hpp share/ergo/data/entities.kg)
  if(NOT EXISTS ${prefix}/${f})
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()
foreach(f ergoConfig.cmake ergoConfigVersion.cmake ergoTargets.cmake)
  if(NOT EXISTS ${libdir}/cmake/ergo/${f})
    message(FATAL_ERROR "not installed: cmake/ergo/${f}")
  endif()
endforeach()
if(NOT EXISTS ${libdir}/pkgconfig/ergo.pc OR NOT libs)
  message(FATAL_ERROR "ergo.pc or the libraries are missing in ${libdir}: ${libs}")
endif()
file(GLOB private_headers ${prefix}/include/engine ${prefix}/include/grammar ${prefix}/include/boost)
if(private_headers)
  message(FATAL_ERROR "private headers were installed: ${private_headers}")
endif()
file(GLOB shared_libs ${libdir}/libergo.so*)
if(shared_libs)
  set(shared ON)
else()
  set(shared OFF)
endif()
message(STATUS "installed to ${prefix}: ${libs}")

# 2. The examples, copied out of the source tree, with find_package.
file(COPY ${SOURCE_DIR}/docs/examples/ DESTINATION ${work}/examples)
set(configure_args -S ${work}/examples -B ${work}/examples-build -G ${GENERATOR}
  -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH=${prefix})
if(EXTRA_FLAGS)
  list(APPEND configure_args "-DCMAKE_CXX_FLAGS=${EXTRA_FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${EXTRA_FLAGS}")
endif()
run(${CMAKE_COMMAND} ${configure_args})
run(${CMAKE_COMMAND} --build ${work}/examples-build)
ergo_run_examples(BIN_DIR ${work}/examples-build WORK_DIR ${work})

# 3. The same program built with pkg-config alone.
find_program(PKG_CONFIG pkg-config REQUIRED)
set(ENV{PKG_CONFIG_PATH} ${libdir}/pkgconfig)
if(shared)
  set(pc_mode "")
else()
  set(pc_mode --static)
endif()
execute_process(COMMAND ${PKG_CONFIG} --cflags --libs ${pc_mode} ergo
  RESULT_VARIABLE rc OUTPUT_VARIABLE pc_flags ERROR_VARIABLE err OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pkg-config ergo failed: ${err}")
endif()
separate_arguments(pc_flags UNIX_COMMAND "${pc_flags}")
separate_arguments(extra UNIX_COMMAND "${EXTRA_FLAGS}")
set(rpath "")
if(shared)
  set(rpath -Wl,-rpath,${libdir})
endif()
find_program(CXX NAMES c++ g++ REQUIRED)
run(${CXX} -std=c++20 ${extra} "-DERGO_DATA_DIR=\"${prefix}/share/ergo/data\""
  ${work}/examples/investors/investors.cpp -o ${work}/investors-pkg-config ${pc_flags} ${rpath})
ergo_check_run(NAME "investors (pkg-config ${pc_mode})"
  COMMAND ${work}/investors-pkg-config
  STDOUT_FILE ${ERGO_EXPECTED_DIR}/investors.txt EMPTY_STDERR)

# 4. The installed binary finds the installed data.
if(EXPECT_BINARY)
  ergo_check_run(NAME "installed ergo"
    COMMAND ${prefix}/bin/ergo --format csv -e "MATCH (n) RETURN count(n) AS nodes"
    STDOUT "nodes\n86\n")
endif()

file(REMOVE_RECURSE ${work})
