#!/usr/bin/env bash
# One run of the peer benchmark kit (../shared/bench) with ergo as one more
# column: the kit loads and queries Kuzu, SQLite and its CSR floor, then
# ergo-bench imports the same CSVs and runs the same eight queries and then
# the kit's write workload (W1-W4, WA), and the kit's report.py builds
# results.md from all of them and checks that every system gives the same
# answers, WA included (docs/performance.md). When the kit runs its on-disk
# peers (KUZU_DISK=1 or SQLITE_DISK=1, the kit's default), ergo runs on disk
# too: ergo-bench --db DATA/ergo.db writes results/<scale>.ergo-disk.json.
# ergo runs once more with --threads 1 (results/<scale>.ergo-1t.json), so
# the table has its 1-thread column beside the default of one per core.
#
#   tools/bench/run.sh                 # both scales, every system
#   tools/bench/run.sh --ergo-only     # ergo alone, against the last peer results
#   env: SCALES="small large" RUNS=5 SEED=42 TIMEOUT_S=120 KUZU_DISK=1 SQLITE_DISK=1 ERGO_BENCH_KIT=DIR
#        ERGO_BENCH_SKIP_SETUP=1: build only ergo-bench (ninja), not the whole
#        tree through tools/setup.sh (packages already installed)
#
# Exit status: 0 when every answer agrees, 1 when any differs, 77 when the
# kit is not there.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
kit=${ERGO_BENCH_KIT:-$root/../shared/bench}
SCALES=${SCALES:-"small large"}
RUNS=${RUNS:-5}
SEED=${SEED:-42}
TIMEOUT_S=${TIMEOUT_S:-120}
KUZU_DISK=${KUZU_DISK:-1}
SQLITE_DISK=${SQLITE_DISK:-1}
declare -A NODES=([small]=10000 [large]=200000)
declare -A EDGES=([small]=100000 [large]=2000000)

if [[ ! -x $kit/run_all.sh ]]; then
  echo "run.sh: no benchmark kit at $kit (set ERGO_BENCH_KIT)" >&2
  exit 77
fi
ergo_only=0
[[ ${1:-} == --ergo-only ]] && ergo_only=1

if [[ ${ERGO_BENCH_SKIP_SETUP:-0} == 1 ]]; then
  ninja -C "$root/build" ergo-bench >/dev/null
else
  "$root/tools/setup.sh" >/dev/null
fi

if ((!ergo_only)); then
  # The peers first: run_all.sh starts by clearing results/.
  (cd "$kit" && SCALES="$SCALES" RUNS="$RUNS" SEED="$SEED" TIMEOUT_S="$TIMEOUT_S" KUZU_DISK="$KUZU_DISK" \
    SQLITE_DISK="$SQLITE_DISK" ./run_all.sh) || true
fi
for scale in $SCALES; do
  data=$kit/data/$scale
  if [[ ! -f $data/edges.csv ]]; then
    python3 "$kit/gen.py" --nodes "${NODES[$scale]}" --edges "${EDGES[$scale]}" --seed "$SEED" --out "$data" >/dev/null
  fi
  echo "== ergo $scale" >&2
  "$root/build/bin/ergo-bench" "$data" --runs "$RUNS" --timeout-s "$TIMEOUT_S" --out "$kit/results/$scale.ergo.json"
  # The same on one thread (issue #20's 1-thread column; the writes run on
  # one thread either way).
  echo "== ergo $scale, 1 thread" >&2
  "$root/build/bin/ergo-bench" "$data" --threads 1 --no-writes --runs "$RUNS" --timeout-s "$TIMEOUT_S" \
    --out "$kit/results/$scale.ergo-1t.json"
  if [[ $KUZU_DISK == 1 || $SQLITE_DISK == 1 ]]; then
    echo "== ergo on disk $scale" >&2
    "$root/build/bin/ergo-bench" "$data" --db "$data/ergo.db" --runs "$RUNS" --timeout-s "$TIMEOUT_S" \
      --out "$kit/results/$scale.ergo-disk.json"
  fi
done
python3 "$kit/report.py" --results "$kit/results" --data "$kit/data" --out "$kit/results.md"
echo "wrote $kit/results.md" >&2
