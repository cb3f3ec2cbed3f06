#!/usr/bin/env bash
# Installs what ergo needs from Debian (only what is missing), then configures
# and builds incrementally into build/. Sourced by tools/run.sh and
# tools/test.sh; safe to run again at any time.
set -euo pipefail

ERGO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ERGO_PACKAGES=(
  g++ cmake ninja-build pkg-config
  libboost-dev libboost-graph-dev    # Spirit X3, Boost.Graph (header-only parts)
  libgraphviz-dev graphviz           # cgraph + gvc, and the layout plugins
  libutf8proc-dev                    # NFC, case folding, display width
  libpcre2-dev                       # =~ regular expressions (PCRE2, with match limits)
  libhowardhinnant-date-dev tzdata   # named time zones (date/tz over /usr/share/zoneinfo)
  libedit-dev                        # REPL line editing
  nlohmann-json3-dev                 # JSON output and parameters
  libssl-dev openssl                 # ergo serve: TLS, password hashes; test certificates
  libgtest-dev libgmock-dev libbenchmark-dev
  fonts-noto-cjk                     # Hangul in PNG and PDF diagrams
  python3 tmux                       # end-to-end tests
  libxml2-utils                      # xmllint: rendered SVG must be well-formed XML
  clang libclang-rt-14-dev           # fuzz targets: clang with libFuzzer, ASan, UBSan (tests/fuzz)
  python3-networkx                   # graph algorithms cross-checked against networkx
  nodejs                             # ergo serve tested with the Neo4j JavaScript driver
  chromium                           # ergo serve's web page tested in a real browser (puppeteer-core)
)

ergo_missing_packages() {
  local p status
  for p in "${ERGO_PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || echo "$p"
  done
  # npm: Debian's package, unless the nodejs installed already brings its
  # own (NodeSource's does, and conflicts with Debian's npm).
  command -v npm >/dev/null || echo npm
}

ergo_install_packages() {
  local missing
  missing=$(ergo_missing_packages)
  [[ -z "$missing" ]] && return 0
  echo "ergo: installing Debian packages:" $missing >&2
  local sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >&2
}

ergo_build() {
  local build="$ERGO_ROOT/build"
  if [[ ! -f "$build/CMakeCache.txt" ]]; then
    cmake -S "$ERGO_ROOT" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >&2
  fi
  cmake --build "$build" --parallel "$(nproc)" >&2
}

# The JavaScript test clients (tests/server/: neo4j-driver), exactly as
# package-lock.json pins them; again only when the lockfile changed. When
# npm cannot fetch them (no network), the suite still runs and the driver
# test reports itself skipped.
ergo_npm_ci() {
  local dir="$ERGO_ROOT/tests/server"
  if [[ ! -f "$dir/node_modules/.package-lock.json" || "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]]; then
    echo "ergo: npm ci in tests/server" >&2
    npm ci --prefix "$dir" --no-audit --no-fund >&2 ||
      echo "ergo: npm ci failed; the neo4j-driver test (server_neo4j_driver) will be skipped" >&2
  fi
}

ergo_install_packages
ergo_build
