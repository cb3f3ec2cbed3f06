#!/usr/bin/env bash
# Builds ergo and runs the whole test suite; exits non-zero on any failure.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
ergo_npm_ci
ctest --test-dir "$ERGO_ROOT/build" --output-on-failure --parallel "$(nproc)" "$@"
