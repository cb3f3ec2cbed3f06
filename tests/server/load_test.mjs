// ergo serve under load: CLIENTS concurrent Bolt clients (neo4j-driver) run
// the mixed workload of tools/bench/load_mix.txt for SECONDS on the bundled
// graph plus, where ../shared/bench is present, the kit's small graph
// (10,000 nodes / 100,000 relationships, gen.py --seed 42). Every operation
// must succeed, and the :LoadProbe nodes at the end must be exactly the ones
// the writes and transactions created. Prints throughput and p50/p99
// latency per kind (docs/server.md, Load).
//   node load_test.mjs ERGO_BINARY DATA_DIR [SECONDS] [CLIENTS] [KIT_DIR]
// CTest runs it for 10 s; the numbers in docs/server.md are 60 s runs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import { requireDriver, startServer, stopServer } from './serve_process.mjs';

const neo4j = requireDriver();

const [ergo, data, seconds = '10', clients = '64', kitDir] = process.argv.slice(2);
const here = path.dirname(new URL(import.meta.url).pathname);
const mix = fs.readFileSync(path.join(here, '../../tools/bench/load_mix.txt'), 'utf8').split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => {
    const m = /^(\d+) (\w+) (.*)$/.exec(l);
    return { weight: Number(m[1]), kind: m[2], statements: m[3].split(' ;; ') };
  });

// The kit's small graph, generated here, imported with the bundled graph
// into one database that the server then opens.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ergo-load-'));
const db = path.join(work, 'db');
const gen = kitDir && path.join(kitDir, 'gen.py');
const withKit = gen && fs.existsSync(gen);
const made = withKit
  ? spawnSync('python3', [gen, '--nodes', '10000', '--edges', '100000', '--seed', '42', '--out', path.join(work, 'kit')])
  : { status: 0 };
assert.equal(made.status, 0, String(made.stderr));
const importArgs = withKit
  ? ['--nodes', path.join(work, 'kit/nodes.csv'), '--relationships', path.join(work, 'kit/edges.csv')] : [];
const imported = spawnSync(ergo, ['--db', db, data, ...importArgs, '-e', 'RETURN 1']);
assert.equal(imported.status, 0, String(imported.stderr));
if (!withKit) console.log('# the kit (../shared/bench) is absent: the bundled graph only, no kit reads');

const server = startServer(ergo, null, ['--db', db, '--timeout', '30']);
const { bolt } = await server.port;
const driver = neo4j.driver(`bolt://127.0.0.1:${bolt}`, neo4j.auth.basic('load', 'test'),
                            { maxConnectionPoolSize: Number(clients) + 8 });
const names = (await driver.executeQuery("MATCH (n) WHERE n.name IS NOT NULL AND NOT n.name STARTS WITH 'n' " +
                                         'RETURN n.name AS name')).records.map((r) => r.get('name'));
const ops = mix.filter((m) => withKit || m.kind !== 'kit');
const total = ops.reduce((s, m) => s + m.weight, 0);

// A small seeded generator, so that a run can be repeated.
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const latencies = {};  // kind -> [ms]
let probes = 0, errors = 0;
// The server's CPU seconds from /proc (utime and stime, in clock ticks).
const serverCpu = () => {
  const fields = fs.readFileSync(`/proc/${server.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
const cpuAtStart = process.cpuUsage();
const serverCpuAtStart = serverCpu();
const deadline = Date.now() + Number(seconds) * 1000;
const started = process.hrtime.bigint();
await Promise.all(Array.from({ length: Number(clients) }, async (_, client) => {
  const next = random(client + 1);
  const session = driver.session();
  try {
    for (let i = 0; Date.now() < deadline; i++) {
      let pick = next() * total;
      const op = ops.find((m) => (pick -= m.weight) < 0) ?? ops[ops.length - 1];
      const params = { name: names[Math.floor(next() * names.length)], kit: `n${Math.floor(next() * 10000)}`,
                       client: neo4j.int(client), i: neo4j.int(i) };
      const t0 = process.hrtime.bigint();
      try {
        if (op.kind === 'tx') {
          await session.executeWrite(async (tx) => {
            for (const statement of op.statements) await tx.run(statement, params);
          });
        } else {
          await session.run(op.statements[0], params);
        }
        if (op.kind === 'write' || op.kind === 'tx') probes++;
      } catch (e) {
        errors++;
        if (errors <= 5) console.log(`# ${op.kind} failed: ${e.code}: ${e.message}`);
      }
      (latencies[op.kind] ??= []).push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  } finally {
    await session.close();
  }
}));
const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
const clientCpu = process.cpuUsage(cpuAtStart);
const serverSeconds = serverCpu() - serverCpuAtStart;

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const line = (kind, values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `${kind.padEnd(6)} ${String(values.length).padStart(8)} ops ${(values.length / elapsed).toFixed(0).padStart(7)}/s` +
         `  p50 ${percentile(sorted, 50).toFixed(2).padStart(7)} ms  p99 ${percentile(sorted, 99).toFixed(2).padStart(8)} ms`;
};
console.log(`# Bolt, ${clients} clients, ${elapsed.toFixed(1)} s${withKit ? ', bundled graph + kit small graph' : ''}`);
for (const kind of Object.keys(latencies).sort()) console.log(line(kind, latencies[kind]));
console.log(line('all', Object.values(latencies).flat()));
console.log(`# CPU: server ${serverSeconds.toFixed(1)} s, this client ${((clientCpu.user + clientCpu.system) / 1e6).toFixed(1)} s ` +
            `over ${elapsed.toFixed(1)} s`);

let failed = 0;
try {
  assert.equal(errors, 0, `${errors} operations failed`);
  const r = await driver.executeQuery('MATCH (p:LoadProbe) RETURN count(p) AS n');
  assert.equal(r.records[0].get('n').toNumber(), probes, 'the :LoadProbe nodes are not the ones created');
  assert.ok(probes > 0);
  console.log(`ok - ${probes} writes and transactions, every one there, no error`);
} catch (e) {
  failed++;
  console.log(`not ok - load\n${e.stack}`);
}
await driver.close();
const code = await stopServer(server);
if (code !== 0) {
  failed++;
  console.log(`not ok - the server exited with ${code}\n${server.log()}`);
}
fs.rmSync(work, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
