#!/usr/bin/env bash
# Builds ergo if needed and opens it on the bundled knowledge graph (data/).
# Arguments are passed to ergo: tools/run.sh --help
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
exec "$ERGO_ROOT/build/bin/ergo" "$@"
