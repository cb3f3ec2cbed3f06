#!/usr/bin/env bash
# Regenerates docs/gallery.md and docs/gallery/*.svg|png from the bundled
# graph: builds ergo-gallery (tools/gallery/) and runs the gallery's queries
# through the API. `tools/gallery.sh --bench` instead prints the layout-time
# table of docs/rendering.md. ERGO_BUILD_DIR picks the build tree (default
# build/); ERGO_JOBS the build parallelism (default: all cores).
set -euo pipefail

ERGO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${ERGO_BUILD_DIR:-$ERGO_ROOT/build}"

if [[ ! -f "$BUILD/CMakeCache.txt" ]]; then
  cmake -S "$ERGO_ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >&2
fi
cmake --build "$BUILD" --target ergo-gallery --parallel "${ERGO_JOBS:-$(nproc)}" >&2

if [[ "${1:-}" == "--bench" ]]; then
  exec "$BUILD/bin/ergo-gallery" "$@"
fi
exec "$BUILD/bin/ergo-gallery" --data "$ERGO_ROOT/data" --out "$ERGO_ROOT/docs" "$@"
