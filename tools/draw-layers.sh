#!/usr/bin/env bash
# Redraws docs/layers.svg: the engine's libraries and the links between
# them, as CMake itself records them (cmake --graphviz), laid out by
# Graphviz. Run it after changing engine/layers.cmake.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Only the engine: no tests, tools, external or interface libraries.
cat > "$work/CMakeGraphVizOptions.cmake" <<'OPTIONS'
set(GRAPHVIZ_GRAPH_NAME "ergo engine layers")
set(GRAPHVIZ_EXECUTABLES FALSE)
set(GRAPHVIZ_EXTERNAL_LIBS FALSE)
set(GRAPHVIZ_INTERFACE_LIBS FALSE)
set(GRAPHVIZ_UNKNOWN_LIBS FALSE)
set(GRAPHVIZ_GENERATE_PER_TARGET FALSE)
set(GRAPHVIZ_GENERATE_DEPENDERS FALSE)
# libergo (ergo_engine) bundles every layer's objects; the picture is the layers.
set(GRAPHVIZ_IGNORE_TARGETS "^ergo_(engine|cli|server|tck_core|layer_base|warnings)$;^GTest;^benchmark")
OPTIONS
cmake -S "$root" -B "$work" -G Ninja -DERGO_BUILD_TESTS=OFF \
  --graphviz="$work/layers.dot" > /dev/null
# CMake's legend explains shapes the picture does not use: leave it out.
sed -i '/^subgraph clusterLegend {/,/^}/d' "$work/layers.dot"
dot -Grankdir=BT -Tsvg "$work/layers.dot" -o "$root/docs/layers.svg"
[[ -n ${LAYERS_PNG:-} ]] && dot -Grankdir=BT -Tpng "$work/layers.dot" -o "$LAYERS_PNG"
echo "drew $root/docs/layers.svg"
