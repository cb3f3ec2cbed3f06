#!/usr/bin/env bash
# How many fsync/fdatasync calls one durable auto-commit write costs in
# ergo (--db), Kuzu on disk and SQLite on disk (WAL, synchronous=FULL):
# each system runs N single-row CREATE/INSERT commits and then none, under
# strace -c -f, and the difference divided by N is printed
# (docs/performance.md, "On disk").
#
#   tools/bench/count_fsyncs.sh KIT_DIR [N]     # KIT_DIR: a kit copy with node_modules/ (run_all.sh made it)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
kit=${1:?usage: count_fsyncs.sh KIT_DIR [N]}
n=${2:-200}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The fsync + fdatasync calls of a command, from strace's summary.
syncs() {
  strace -f -c -e trace=fsync,fdatasync -o "$work/strace.txt" "$@" >/dev/null 2>&1
  awk '$NF == "fsync" || $NF == "fdatasync" { calls += $4 } END { print calls + 0 }' "$work/strace.txt"
}

# ergo: a database with one node in it, then a script of k CREATEs.
ergo_run() {
  rm -rf "$work/ergo.db"
  "$root/build/bin/ergo" --db "$work/ergo.db" -e "CREATE (:Person {name: 'seed'})" >/dev/null
  : >"$work/w.cypher"
  for ((i = 0; i < $1; i++)); do echo "CREATE (:Person {name: 'w$i', founded: 2024});" >>"$work/w.cypher"; done
  syncs "$root/build/bin/ergo" --db "$work/ergo.db" -f "$work/w.cypher"
}

sqlite_run() {
  rm -f "$work/s.db" "$work/s.db-wal" "$work/s.db-shm"
  python3 - "$work/s.db" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("PRAGMA journal_mode=WAL"); con.execute("PRAGMA synchronous=FULL")
con.execute("CREATE TABLE nodes(id INTEGER PRIMARY KEY, name TEXT UNIQUE, label TEXT, founded INTEGER)")
PY
  syncs python3 - "$work/s.db" "$1" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("PRAGMA synchronous=FULL")
for i in range(int(sys.argv[2])):
    con.execute(f"INSERT INTO nodes(name, label, founded) VALUES ('w{i}', 'Person', 2024)")
con.close()
PY
}

kuzu_run() {
  rm -rf "$work/k.db" "$work/k.db.wal"
  cat >"$work/k.js" <<JS
const kuzu = require("$kit/node_modules/kuzu");
(async () => {
  const [, , dbPath, count, schema] = process.argv;
  const db = new kuzu.Database(dbPath), conn = new kuzu.Connection(db);
  const run = async (q) => { const r = await conn.query(q); r.getAllSync(); r.close(); };
  if (schema === "1") await run("CREATE NODE TABLE Entity(name STRING PRIMARY KEY, label STRING, founded INT64)");
  for (let i = 0; i < Number(count); i++) await run(\`CREATE (:Entity {name: 'w\${i}', label: 'Person', founded: 2024})\`);
  await conn.close(); await db.close();
})();
JS
  node "$work/k.js" "$work/k.db" 0 1 >/dev/null
  syncs node "$work/k.js" "$work/k.db" "$1" 0
}

for system in ergo sqlite kuzu; do
  with=$("${system}_run" "$n")
  without=$("${system}_run" 0)
  awk -v s="$system" -v a="$with" -v b="$without" -v n="$n" \
    'BEGIN { printf "%-7s %d fsync+fdatasync with %d commits, %d without: %.2f per commit\n", s, a, n, b, (a - b) / n }'
done
