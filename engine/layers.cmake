# The engine's layers, lowest first: one folder and one library each.
# ERGO_USES_<layer> names the layers a layer builds on directly; it may
# include the headers of those and of everything they build on, never of a
# layer above it. engine/CMakeLists.txt links the libraries by these lists,
# and tests/layering/check_layering.cmake holds every #include to them, so
# this file is the one place the order is written down.
set(ERGO_LAYERS value eval store storage algo load export runtime expr plan bind exec api format render)

set(ERGO_USES_value "")              # ergo::Value, Date, Error; diagnostics as errors
set(ERGO_USES_eval value)            # openCypher value semantics, functions, aggregators
set(ERGO_USES_store value)           # nodes, relationships, columns, adjacency, name index
set(ERGO_USES_storage store)          # the database directory: snapshot, write-ahead log, lock
set(ERGO_USES_algo store eval)       # the Boost.Graph view and the CALL ergo.* procedures (eval: the function docs dbms.functions() lists)
set(ERGO_USES_load store)            # .kg and CSV into the store
set(ERGO_USES_export store)          # the store out as .kg, Cypher, CSV, GraphML, JSON Lines
set(ERGO_USES_runtime store)         # frame, context, cursor interface: what runs a query
set(ERGO_USES_expr runtime eval)     # bound expressions
set(ERGO_USES_plan expr algo)        # logical operators, EXPLAIN, rewrites
set(ERGO_USES_bind plan)             # AST → plan
set(ERGO_USES_exec plan)             # plan → cursors over the store
set(ERGO_USES_api bind exec load storage export)# Database, Result, PreparedQuery
set(ERGO_USES_format api)            # results as tables, CSV, JSON, Markdown
set(ERGO_USES_render api)            # results as Graphviz diagrams

# ERGO_REACH_<layer>: the layer and everything below it, as a list.
foreach(layer IN LISTS ERGO_LAYERS)
  set(reach ${layer})
  foreach(used IN LISTS ERGO_USES_${layer})
    list(APPEND reach ${ERGO_REACH_${used}})
  endforeach()
  list(REMOVE_DUPLICATES reach)
  set(ERGO_REACH_${layer} ${reach})
endforeach()
