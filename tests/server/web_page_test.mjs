// ergo serve's web page in a real browser: Debian's Chromium driven by
// puppeteer-core (pinned in package-lock.json). Run by CTest (label server):
//   node web_page_test.mjs ERGO_BINARY DATA_DIR SCREENSHOT_DIR
// It starts `ergo serve`, opens the page, runs queries with the keyboard and
// checks the table, the diagram, the error, the history and that hostile
// names stay text; screenshots go to SCREENSHOT_DIR (web-*.png), to be
// looked at. Exit 0: all passed; 1: a failure; 77: Chromium or
// puppeteer-core is not installed, a skip.
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import assert from 'node:assert/strict';
import { startServer, stopServer } from './serve_process.mjs';
import { caseList, runCases } from './cases.mjs';

const require = createRequire(import.meta.url);
let puppeteer;
try {
  puppeteer = require('puppeteer-core');
} catch {
  console.log('SKIP: puppeteer-core is not installed; run `npm ci` in tests/server');
  process.exit(77);
}
// Debian's /usr/bin/chromium is a wrapper script; the browser itself is beside it.
const chromium = [process.env.ERGO_CHROMIUM, '/usr/lib/chromium/chromium', '/usr/bin/chromium']
  .find((p) => p && existsSync(p));
if (!chromium) {
  console.log('SKIP: Chromium is not installed (Debian package chromium; tools/setup.sh installs it)');
  process.exit(77);
}

const [ergo, data, shots] = process.argv.slice(2);
if (!ergo || !data || !shots) {
  console.error('usage: node web_page_test.mjs ERGO_BINARY DATA_DIR SCREENSHOT_DIR');
  process.exit(2);
}

const server = startServer(ergo, data);
const { http } = await server.port;
const base = `http://127.0.0.1:${http}`;
const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-extensions', '--font-render-hinting=none'],
});
const page = await browser.newPage();
await page.setViewport({ width: 1280, height: 860 });

// Everything the page does that a test should never see.
const requests = [], consoleErrors = [], dialogs = [];
page.on('request', (r) => requests.push(r.url()));
page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
page.on('pageerror', (e) => consoleErrors.push(String(e)));
page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });

async function query(statement) {  // through the API, for facts to compare the page with
  const r = await fetch(`${base}/db/neo4j/query/v2`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ statement }),
  });
  return (await r.json()).data.values;
}

// Types `text` into the empty editor and runs it with Ctrl+Enter; resolves
// once the page has the answer (or the error) on show.
async function runWithKeyboard(text) {
  await page.$eval('#query', (el) => { el.value = ''; });
  await page.focus('#query');
  await page.keyboard.type(text);
  const before = await page.$eval('#status', (el) => el.textContent);
  await page.keyboard.down('Control');
  await page.keyboard.press('Enter');
  await page.keyboard.up('Control');
  await page.waitForFunction((old) => {
    const s = document.getElementById('status').textContent;
    return s !== old && s !== 'Running…';
  }, { timeout: 20000 }, before);
}

const table = () => page.evaluate(() => ({
  head: [...document.querySelectorAll('#table thead th')].map((th) => th.textContent),
  rows: [...document.querySelectorAll('#table tbody tr')].map((tr) => [...tr.cells].map((td) => td.textContent)),
}));

const { cases, test } = caseList();

test('the page and its files are served from the binary, with a strict content security policy', async () => {
  const r = await fetch(`${base}/`);
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.match(r.headers.get('content-security-policy'), /script-src 'self';/);
  for (const [file, type] of [['/app.js', 'text/javascript; charset=utf-8'], ['/style.css', 'text/css; charset=utf-8'],
                              ['/favicon.svg', 'image/svg+xml']]) {
    const f = await fetch(base + file);
    assert.equal(f.status, 200, file);
    assert.equal(f.headers.get('content-type'), type, file);
  }
  assert.equal((await fetch(`${base}/app.js`, { method: 'POST' })).status, 405);
  await page.goto(`${base}/`, { waitUntil: 'networkidle0' });
  assert.equal(await page.title(), 'ergo');
});

test('a query run with Ctrl+Enter: the table holds exactly the answer', async () => {
  await runWithKeyboard('MATCH (p:Person)-[:CEO_OF]->(c:Company)\n' +
                        'RETURN DISTINCT p.name AS ceo, p.aliases[0] AS 한국어, c.name AS company ORDER BY ceo');
  assert.deepEqual(await table(), {
    head: ['ceo', '한국어', 'company'],
    rows: [['Elon Musk', '일론 머스크', 'Tesla'], ['Lisa Su', '리사 수', 'AMD'], ['Sam Altman', '샘 알트만', 'OpenAI'],
           ['Sam Altman', '샘 알트만', 'Y Combinator'], ['Satya Nadella', '사티아 나델라', 'Microsoft'],
           ['Tim Cook', '팀 쿡', 'Apple']],
  });
  assert.match(await page.$eval('#status', (el) => el.textContent), /^6 rows · \d+ ms$/);
  assert.equal(await page.$eval('#tab-diagram', (el) => el.disabled), true);
  await page.screenshot({ path: path.join(shots, 'web-table.png') });
});

test('a path query: the diagram from POST /render has the path\'s nodes, by id and name', async () => {
  const ids = await query("MATCH (c:Company) WHERE c.name IN ['Microsoft', 'OpenAI'] RETURN c.name, id(c) ORDER BY c.name");
  await runWithKeyboard("MATCH p = (:Company {name: 'Microsoft'})-[:INVESTS_IN]->(:Company {name: 'OpenAI'})\n" +
                        'RETURN p LIMIT 1');
  assert.deepEqual(await table(), {
    head: ['p'], rows: [["(:Company {name: 'Microsoft'})-[:INVESTS_IN]->(:Company:Organization {name: 'OpenAI'})"]],
  });
  await page.waitForSelector('#diagram svg g.node', { visible: true });
  const nodes = await page.$$eval('#diagram svg g.node', (gs) => gs.map((g) => ({
    title: g.querySelector(':scope > title').textContent,
    text: [...g.querySelectorAll('text')].map((t) => t.textContent),
  })));
  assert.deepEqual(nodes.map((n) => n.title).sort(), ids.map(([, id]) => `n${id}`).sort());
  const microsoft = nodes.find((n) => n.title === `n${ids[0][1]}`);
  assert.deepEqual(microsoft.text, ['Microsoft', '마이크로소프트']);
  const edges = await page.$$eval('#diagram svg g.edge > title', (ts) => ts.map((t) => t.textContent));
  assert.deepEqual(edges, [`n${ids[0][1]}->n${ids[1][1]}`]);
  assert.equal(await page.$eval('#tab-diagram', (el) => el.getAttribute('aria-selected')), 'true');
  await page.screenshot({ path: path.join(shots, 'web-diagram.png') });
});

test('a syntax error: code, message with line, column and caret, cursor on the spot', async () => {
  await runWithKeyboard('MATCH (n)\nRETRUN n');
  assert.equal(await page.$eval('#error-code', (el) => el.textContent), 'Neo.ClientError.Statement.SyntaxError');
  assert.equal(await page.$eval('#error-message', (el) => el.textContent),
               "<query>:2:1: error: unexpected 'RETRUN', did you mean 'RETURN'?\nRETRUN n\n^~~~~~");
  assert.equal(await page.$eval('#status', (el) => el.textContent), 'error at line 2, column 1');
  assert.equal(await page.$eval('#query', (el) => el.selectionStart), 'MATCH (n)\n'.length);
  assert.equal(await page.$eval('#answer', (el) => el.hidden), true);
  await page.screenshot({ path: path.join(shots, 'web-error.png') });
});

test('the history lists the queries run, newest first; a click puts one back in the editor', async () => {
  const history = await page.$$eval('#history button', (bs) => bs.map((b) => b.textContent));
  assert.deepEqual(history, [
    'MATCH (n)\nRETRUN n',
    "MATCH p = (:Company {name: 'Microsoft'})-[:INVESTS_IN]->(:Company {name: 'OpenAI'})\nRETURN p LIMIT 1",
    'MATCH (p:Person)-[:CEO_OF]->(c:Company)\n' +
      'RETURN DISTINCT p.name AS ceo, p.aliases[0] AS 한국어, c.name AS company ORDER BY ceo',
  ]);
  await page.click('#history li:nth-child(2) button');
  assert.equal(await page.$eval('#query', (el) => el.value), history[1]);
});

test('a write shows its counters; names with markup stay text in the table and the diagram', async () => {
  const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
  await runWithKeyboard(`CREATE (n:Evil {name: '${hostile}'}) RETURN n.name AS name`);
  assert.deepEqual(await table(), { head: ['name'], rows: [[hostile]] });
  assert.match(await page.$eval('#status', (el) => el.textContent),
               /^1 row · 1 node created, 1 property set, 1 label added · \d+ ms$/);
  await runWithKeyboard('MATCH (n:Evil) RETURN n');
  await page.waitForSelector('#diagram svg g.node', { visible: true });
  // The renderer shortens long names on the drawing; the tooltip has it whole.
  const text = await page.$$eval('#diagram svg g.node text', (ts) => ts.map((t) => t.textContent));
  assert.deepEqual(text, ['<img src=x onerror=alert(1)><sc…']);
  const tip = await page.$eval('#diagram svg g.node g > title', (t) => t.textContent);
  assert.ok(tip.includes(hostile), tip);
  assert.equal(await page.$$eval('img', (xs) => xs.length), 0);
  assert.deepEqual(await page.$$eval('script', (xs) => xs.map((s) => s.getAttribute('src'))), ['/app.js']);
  assert.equal(await page.$$eval('#diagram [onerror], #diagram [onload], #diagram script', (xs) => xs.length), 0);
});

test('POST /render refuses a statement that may write, since it would run it again', async () => {
  const r = await fetch(`${base}/render`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ statement: "MATCH (n:Evil) SET n.seen = true RETURN n" }),
  });
  assert.equal(r.status, 400);
  assert.deepEqual(await r.json(), { errors: [{
    code: 'Neo.ClientError.Statement.AccessMode',
    message: '/render draws only statements that read, because it runs the statement again; this one may ' +
             'write (SET at line 1, column 16). Run it with POST /db/neo4j/query/v2, then draw what it changed ' +
             'with a MATCH.',
  }] });
  assert.deepEqual(await query('MATCH (n:Evil) RETURN n.seen'), [[null]]);
});

test('with --auth-file the page asks who you are, then its queries carry the answer', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ergo-page-auth-'));
  const file = path.join(dir, 'users');
  const secured = { server: null, page: null };
  try {
    assert.equal(spawnSync(ergo, ['passwd', file, 'alice'], { input: '열려라 참깨\n' }).status, 0);
    secured.server = startServer(ergo, data, ['--auth-file', file]);
    const { http: port } = await secured.server.port;
    secured.page = await browser.newPage();
    // Without credentials the browser is asked for them (401, WWW-Authenticate: Basic); headless
    // Chromium has nobody to ask and gives up on the page.
    await assert.rejects(secured.page.goto(`http://127.0.0.1:${port}/`), /ERR_INVALID_AUTH_CREDENTIALS/);
    await secured.page.authenticate({ username: 'alice', password: '열려라 참깨' });
    const loaded = await secured.page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'networkidle0' });
    assert.equal(loaded.status(), 200);
    await secured.page.$eval('#query', (el) => { el.value = "MATCH (c:Company {name: 'OpenAI'}) RETURN c.name AS name"; });
    await secured.page.focus('#query');
    await secured.page.keyboard.down('Control');
    await secured.page.keyboard.press('Enter');
    await secured.page.keyboard.up('Control');
    await secured.page.waitForFunction(() => document.querySelectorAll('#table tbody tr').length === 1,
                                       { timeout: 20000 });
    assert.deepEqual(await secured.page.evaluate(() => [...document.querySelectorAll('#table tbody td')]
      .map((td) => td.textContent)), ['OpenAI']);
  } finally {
    if (secured.page) await secured.page.close();
    if (secured.server) assert.equal(await stopServer(secured.server), 0);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('nothing left the machine, nothing was logged as an error, no dialog opened', async () => {
  assert.deepEqual(requests.filter((u) => !u.startsWith(base + '/')), []);
  // Chromium logs every 4xx answer; the one is the syntax error's 400.
  assert.deepEqual(consoleErrors, ['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
  assert.deepEqual(dialogs, []);
});

let failed = await runCases(cases);
await browser.close();
const code = await stopServer(server);
if (code !== 0) {
  failed++;
  console.log(`not ok - ergo serve exited with ${code}\n${server.log()}`);
}
console.log(`screenshots: ${path.join(shots, 'web-*.png')}`);
console.log(failed ? `${failed} failed` : `all ${cases.length} passed`);
process.exit(failed ? 1 : 0);
