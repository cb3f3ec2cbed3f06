// Starts `ergo serve` for the Node tests (bolt_driver_test.mjs,
// web_page_test.mjs) on free ports, and resolves with the ports once the
// server says where it listens. Its standard error is kept for the checks
// the tests make on the log. `data` null: no sources (with --db in `extra`).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

// The official driver, pinned by package-lock.json; without it (no `npm ci`
// here) the test reports itself skipped (exit 77), never passed.
export function requireDriver() {
  try {
    return createRequire(import.meta.url)('neo4j-driver');
  } catch {
    console.log('SKIP: neo4j-driver is not installed; run `npm ci` in tests/server');
    process.exit(77);
  }
}

export function startServer(ergo, data, extra = []) {
  const child = spawn(ergo, ['serve', ...(data ? [data] : []), '--bolt', '127.0.0.1:0', '--http', '127.0.0.1:0', ...extra],
                      { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  const port = new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk) => {
      log += chunk;
      const m = /Bolt listening on \S+:(\d+), HTTP on \S+:(\d+)/.exec(log);
      if (m) resolve({ bolt: Number(m[1]), http: Number(m[2]) });
    });
    child.on('exit', (code) => reject(new Error(`ergo serve exited with ${code} before listening:\n${log}`)));
  });
  return { child, port, log: () => log };
}

// SIGTERM, then the exit status.
export function stopServer(server) {
  const exit = new Promise((resolve) => server.child.on('exit', (code) => resolve(code)));
  server.child.kill('SIGTERM');
  return exit;
}
