// ergo serve's web page in a real browser: Debian's Chromium driven by
// puppeteer-core (pinned in package-lock.json). Run by CTest (label server):
//   node web_page_test.mjs ERGO_BINARY DATA_DIR SCREENSHOT_DIR
// It starts `ergo serve`, opens the page, runs queries with the keyboard and
// checks the table, the diagram, the error, the history and that hostile
// names stay text; screenshots go to SCREENSHOT_DIR (web-*.png), to be
// looked at. Exit 0: all passed; 1: a failure; 77: Chromium or
// puppeteer-core is not installed, a skip.
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

async function query(statement, parameters = {}) {  // through the API, for facts to compare the page with
  const r = await fetch(`${base}/db/neo4j/query/v2`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ statement, parameters }),
  });
  return (await r.json()).data.values;
}

// Types `text` into the empty editor and runs it with Ctrl+Enter; resolves
// once the page has the answer (or the error) on show.
async function runWithKeyboard(text) {
  await page.$eval('#query', (el) => { el.value = ''; });
  await page.focus('#query');
  await page.keyboard.type(text);
  // Cleared first: the answer's status may read exactly as the last one
  // did ("1 row · 2 ms"), so waiting for a change could wait forever.
  await page.$eval('#status', (el) => { el.textContent = ''; });
  await page.keyboard.down('Control');
  await page.keyboard.press('Enter');
  await page.keyboard.up('Control');
  await page.waitForFunction(() => {
    const s = document.getElementById('status').textContent;
    return s !== '' && s !== 'Running…';
  }, { timeout: 20000 });
}

const table = () => page.evaluate(() => ({
  head: [...document.querySelectorAll('#table thead th')].map((th) => th.textContent),
  rows: [...document.querySelectorAll('#table tbody tr')].map((tr) => [...tr.cells].map((td) => td.textContent)),
}));

// What the page shows for a node and a path, as the API gives them (names without quotes).
const nodeText = (n) => `(${n.labels.map((l) => ':' + l).join('')} {name: '${n.properties.name}'})`;
const pathText = ([a, r, b]) => `${nodeText(a)}-[:${r.type}]->${nodeText(b)}`;

// The diagram's node ids (their SVG <title>s, "n" and the id), sorted; and its edges ("nA->nB").
const drawnNodes = () => page.$$eval('#diagram svg g.node > title', (ts) => ts.map((t) => t.textContent).sort());
const drawnEdges = () => page.$$eval('#diagram svg g.edge > title', (ts) => ts.map((t) => t.textContent).sort());
const titles = (ids) => [...new Set(ids)].map((id) => `n${id}`).sort();

// A click on the diagram's node with id `id`.
async function clickNode(id) {
  const handle = await page.evaluateHandle((t) => [...document.querySelectorAll('#diagram svg g.node')]
    .find((g) => g.querySelector(':scope > title').textContent === t), `n${id}`);
  await handle.asElement().click();
}

// Clicks (a search result, a label, a type) and waits until its answer is in the table and drawn.
async function clickAndWait(selector) {
  await page.$eval('#status', (el) => { el.textContent = ''; });  // as in runWithKeyboard
  await page.click(selector);
  await page.waitForFunction(() => {
    const s = document.getElementById('status').textContent;
    const note = document.getElementById('diagram-note').textContent;
    return s !== '' && s !== 'Running…' && note !== 'Drawing…';
  }, { timeout: 20000 });
}

// Downloads land in a temporary directory through Chromium's own download
// behaviour; resolves with the file's suggested name and its bytes.
const downloads = mkdtempSync(path.join(os.tmpdir(), 'ergo-page-downloads-'));
const cdp = await browser.target().createCDPSession();
await cdp.send('Browser.setDownloadBehavior', { behavior: 'allowAndName', downloadPath: downloads, eventsEnabled: true });
async function download(button) {
  let name;
  const begun = (e) => { name = e.suggestedFilename; };
  cdp.on('Browser.downloadWillBegin', begun);
  const done = new Promise((resolve, reject) => {
    const progress = (e) => {
      if (e.state === 'inProgress') return;
      cdp.off('Browser.downloadProgress', progress);
      if (e.state === 'completed') resolve(e.guid);
      else reject(new Error(`download ${e.state}`));
    };
    cdp.on('Browser.downloadProgress', progress);
  });
  await page.click(button);
  const guid = await done;
  cdp.off('Browser.downloadWillBegin', begun);
  return { name, bytes: readFileSync(path.join(downloads, guid)) };
}

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

test('a click on a node adds its neighbours and their relationships to the diagram; a second click adds nothing', async () => {
  const [[microsoft, openai]] = await query("MATCH (m:Company {name: 'Microsoft'}), (o:Company {name: 'OpenAI'}) " +
                                            'RETURN id(m), id(o)');
  await runWithKeyboard("MATCH p = (:Company {name: 'Microsoft'})-[:INVESTS_IN]->(:Company {name: 'OpenAI'})\n" +
                        'RETURN p LIMIT 1');
  await page.waitForSelector('#diagram svg g.node', { visible: true });
  assert.deepEqual(await drawnNodes(), titles([microsoft, openai]));
  assert.match(await page.$eval('#diagram-note', (el) => el.textContent), /Click a node to add its neighbours/);
  const neighbours = (await query('MATCH (m)--(x) WHERE id(m) = $id RETURN DISTINCT id(x)', { id: microsoft }))
    .map(([id]) => id);
  assert.equal(neighbours.length, 19);  // OpenAI among them
  const shown = [microsoft, openai, ...neighbours];
  await clickNode(microsoft);
  await page.waitForFunction(() => /^Added /.test(document.getElementById('diagram-note').textContent),
                             { timeout: 20000 });
  assert.deepEqual(await drawnNodes(), titles(shown));
  // Every relationship among the nodes now drawn, once each.
  const among = await query('MATCH (a)-[r]->(b) WHERE id(a) IN $ids AND id(b) IN $ids RETURN id(a), id(b)',
                            { ids: shown });
  assert.deepEqual(await drawnEdges(), among.map(([a, b]) => `n${a}->n${b}`).sort());
  assert.equal(await page.$eval('#diagram-note', (el) => el.textContent),
               `Added 18 neighbours of Microsoft (${titles(shown).length} nodes drawn). Click a node to add its ` +
               'neighbours; hover over a node or arrow for its properties.');
  // The table is still the answer's.
  assert.equal((await table()).rows.length, 1);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(shots, 'web-expand.png') });
  // Again on Microsoft: nothing is asked of the server and nothing changes but the note.
  const renders = requests.filter((u) => u.endsWith('/render')).length;
  await clickNode(microsoft);
  assert.equal(await page.$eval('#diagram-note', (el) => el.textContent),
               'The neighbours of Microsoft are already shown. Click a node to add its neighbours; hover over a ' +
               'node or arrow for its properties.');
  assert.equal(requests.filter((u) => u.endsWith('/render')).length, renders);
  assert.deepEqual(await drawnNodes(), titles(shown));
  // A node the first click added whose neighbours are all drawn already: the same nodes again.
  const [[satya, google]] = await query("MATCH (s:Person {name: 'Satya Nadella'}), (g:Company {name: 'Google'}) " +
                                        'RETURN id(s), id(g)');
  assert.ok(shown.includes(satya) && shown.includes(google));
  await clickNode(satya);
  await page.waitForFunction(() => /^Satya Nadella has/.test(document.getElementById('diagram-note').textContent),
                             { timeout: 20000 });
  assert.equal(await page.$eval('#diagram-note', (el) => el.textContent),
               'Satya Nadella has no neighbours that were not shown (20 nodes drawn). Click a node to add its ' +
               'neighbours; hover over a node or arrow for its properties.');
  assert.deepEqual(await drawnNodes(), titles(shown));
  // Then one with more: Google's neighbours join, and everything drawn stays.
  const googles = (await query('MATCH (g)--(x) WHERE id(g) = $id RETURN DISTINCT id(x)', { id: google }))
    .map(([id]) => id);
  const fresh = googles.filter((id) => !shown.includes(id));
  assert.equal(fresh.length, 5);
  await clickNode(google);
  await page.waitForFunction(() => / of Google /.test(document.getElementById('diagram-note').textContent),
                             { timeout: 20000 });
  assert.match(await page.$eval('#diagram-note', (el) => el.textContent), /^Added 5 neighbours of Google \(25 nodes drawn\)/);
  assert.deepEqual(await drawnNodes(), titles([...shown, ...fresh]));
  assert.deepEqual(await page.$$eval('#diagram svg g.node.expanded > title', (ts) => ts.map((t) => t.textContent).sort()),
                   titles([microsoft, satya, google]));
  // Back to the answer's own diagram.
  await page.click('#diagram-reset');
  await page.waitForFunction(() => document.querySelectorAll('#diagram svg g.node').length === 2, { timeout: 20000 });
  assert.deepEqual(await drawnNodes(), titles([microsoft, openai]));
  assert.equal(await page.$eval('#diagram-reset', (el) => el.hidden), true);
});

test('the search box finds names and aliases in any case, Korean too; a click shows the entity with its neighbours', async () => {
  const results = () => page.$$eval('#search-results button', (bs) => bs.map((b) => [...b.children]
    .map((c) => c.textContent)));
  const searchFor = async (text) => {
    await page.$eval('#search', (el) => { el.value = ''; });
    await page.focus('#search');
    await page.keyboard.type(text);
    await page.waitForFunction((t) => document.getElementById('search-results').dataset.text === t,
                               { timeout: 20000 }, text);
  };
  await searchFor('오픈');
  assert.deepEqual(await results(), [['Open source', '오픈소스', 'Technology'],
                                     ['OpenAI', '오픈AI', 'Company · Organization'], ['OpenAI LP', '오픈AI LP', 'Company']]);
  assert.equal(await page.$eval('#search-note', (el) => el.textContent), '3 matches:');
  // The same as the API says: every entity with '오픈' in its name or an alias.
  assert.deepEqual((await query("MATCH (n) WHERE n.name CONTAINS '오픈' OR any(a IN n.aliases WHERE a CONTAINS '오픈') " +
                                'RETURN n.name ORDER BY n.name')).map(([n]) => n), ['Open source', 'OpenAI', 'OpenAI LP']);
  await searchFor('oPeNaI');
  assert.deepEqual(await results(), [['Azure OpenAI Service', '', 'Service'],
                                     ['OpenAI', '오픈AI', 'Company · Organization'], ['OpenAI LP', '오픈AI LP', 'Company']]);
  await searchFor('마이크로');
  assert.deepEqual(await results(), [['Microsoft', '마이크로소프트', 'Company']]);
  await searchFor('<script>');
  assert.deepEqual(await results(), [['<img src=x onerror=alert(1)><script>alert(2)</script>', '', 'Evil']]);
  await searchFor('없는 이름');
  assert.deepEqual(await results(), []);
  assert.equal(await page.$eval('#search-note', (el) => el.textContent), 'Nothing is named “없는 이름”.');
  await searchFor('오픈');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(shots, 'web-search.png') });
  await clickAndWait('#search-results li:nth-child(2) button');
  assert.equal(await page.$eval('#query', (el) => el.value),
               "MATCH (n:Company {name: 'OpenAI'})\nOPTIONAL MATCH (n)-[r]-(m)\nRETURN n, r, m");
  const expected = await query("MATCH (n:Company {name: 'OpenAI'}) OPTIONAL MATCH (n)-[r]-(m) RETURN n, r, m");
  const { head, rows } = await table();
  assert.deepEqual(head, ['n', 'r', 'm']);
  assert.deepEqual(rows, expected.map(([n, r, m]) => [nodeText(n), `[:${r.type}]`, nodeText(m)]));
  const [[openai]] = await query("MATCH (n:Company {name: 'OpenAI'}) RETURN id(n)");
  const around = (await query('MATCH (n)--(m) WHERE id(n) = $id RETURN id(m)', { id: openai })).map(([id]) => id);
  assert.deepEqual(await drawnNodes(), titles([openai, ...around]));
});

test('the schema panel lists what db.labels(), db.relationshipTypes() and db.propertyKeys() say, with counts; ' +
     'a click on a label or a type shows some of them', async () => {
  const chips = (id) => page.$$eval(`#${id} li > *`, (cs) => cs.map((c) => [...c.children].map((x) => x.textContent)));
  // Read again after the write above, which added the label Evil.
  const labels = await query('CALL db.labels()');
  assert.ok(labels.some(([l]) => l === 'Evil'));
  const labelCounts = new Map(await query('MATCH (n) UNWIND labels(n) AS l RETURN l, count(*)'));
  assert.deepEqual(await chips('schema-labels'), labels.map(([l]) => [l, String(labelCounts.get(l))]));
  const types = await query('CALL db.relationshipTypes()');
  const typeCounts = new Map(await query('MATCH ()-[r]->() RETURN type(r), count(*)'));
  assert.deepEqual(await chips('schema-types'), types.map(([t]) => [t, String(typeCounts.get(t))]));
  const keys = await query('CALL db.propertyKeys()');
  assert.deepEqual(await chips('schema-keys'), keys.map(([k]) => [k]));
  assert.deepEqual(await page.$$eval('.panel summary .count', (cs) => cs.map((c) => c.textContent)),
                   [labels.length, types.length, keys.length].map(String));
  assert.deepEqual((await chips('schema-labels')).find(([l]) => l === 'Evil'), ['Evil', '1']);

  const chipIndex = async (id, text) => 1 + (await page.$$eval(`#${id} li > button`,
    (bs) => bs.map((b) => b.firstChild.textContent))).indexOf(text);
  await clickAndWait(`#schema-labels li:nth-child(${await chipIndex('schema-labels', 'Person')}) button`);
  assert.equal(await page.$eval('#query', (el) => el.value), 'MATCH (n:Person) RETURN n LIMIT 25');
  const people = await query('MATCH (n:Person) RETURN n, id(n) LIMIT 25');
  assert.equal(people.length, 9);
  assert.deepEqual(await table(), { head: ['n'], rows: people.map(([n]) => [nodeText(n)]) });
  assert.deepEqual(await drawnNodes(), titles(people.map(([, id]) => id)));

  await clickAndWait(`#schema-types li:nth-child(${await chipIndex('schema-types', 'INVESTS_IN')}) button`);
  assert.equal(await page.$eval('#query', (el) => el.value), 'MATCH p = ()-[:INVESTS_IN]->() RETURN p LIMIT 25');
  const deals = await query('MATCH p = ()-[:INVESTS_IN]->() RETURN p LIMIT 25');
  assert.equal(deals.length, 6);
  assert.deepEqual(await table(), { head: ['p'], rows: deals.map(([p]) => [pathText(p)]) });
  assert.equal((await drawnEdges()).length, 6);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(shots, 'web-schema.png') });
});

test('downloads: CSV (RFC 4180 quoting) and JSON of the answer, the diagram as SVG and as PNG', async () => {
  const tricky = "RETURN 'a,b' AS x, 'say \"hi\"' AS y, 'two\\nlines' AS z, null AS n, 1.5 AS f, " +
                 "[1, 'x'] AS l, '한국어' AS ko";
  await runWithKeyboard(tricky);
  assert.deepEqual(await page.$$eval('.downloads button', (bs) => bs.map((b) => b.disabled)), [false, false, true, true]);
  const csv = await download('#download-csv');
  assert.equal(csv.name, 'ergo-answer.csv');
  assert.equal(csv.bytes.toString('utf8'),
               'x,y,z,n,f,l,ko\r\n"a,b","say ""hi""","two\nlines",,1.5,"[1, \'x\']",한국어\r\n');
  const json = await download('#download-json');
  assert.equal(json.name, 'ergo-answer.json');
  const values = await query(tricky);
  const fields = ['x', 'y', 'z', 'n', 'f', 'l', 'ko'];
  assert.deepEqual(JSON.parse(json.bytes.toString('utf8')), { fields, values });
  assert.equal(json.bytes.toString('utf8'), JSON.stringify({ fields, values }, null, 2) + '\n');

  const statement = "MATCH p = (:Company {name: 'Microsoft'})-[:INVESTS_IN]->(:Company {name: 'OpenAI'})\nRETURN p LIMIT 1";
  await runWithKeyboard(statement);
  await page.waitForSelector('#diagram svg g.node', { visible: true });
  assert.deepEqual(await page.$$eval('.downloads button', (bs) => bs.map((b) => b.disabled)), [false, false, false, false]);
  const [[p]] = await query(statement);
  assert.equal((await download('#download-csv')).bytes.toString('utf8'), `p\r\n${pathText(p)}\r\n`);
  const svg = await download('#download-svg');
  assert.equal(svg.name, 'ergo-diagram.svg');
  const drawn = await fetch(`${base}/render`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ statement, korean: true }),
  });
  assert.equal(svg.bytes.toString('utf8'), await drawn.text());
  const png = await download('#download-png');
  assert.equal(png.name, 'ergo-diagram.png');
  assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(png.bytes.toString('latin1', 12, 16), 'IHDR');
  // Twice the SVG's size in CSS pixels (points × 4/3).
  const [w, h] = /<svg width="([\d.]+)pt" height="([\d.]+)pt"/.exec(svg.bytes.toString('utf8')).slice(1).map(Number);
  assert.deepEqual([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)],
                   [Math.ceil(w * 4 / 3 * 2), Math.ceil(h * 4 / 3 * 2)]);
  assert.ok(png.bytes.length > 5000, `${png.bytes.length} bytes`);
  // After a click has added neighbours, the SVG is the grown drawing.
  const [[microsoft]] = await query("MATCH (m:Company {name: 'Microsoft'}) RETURN id(m)");
  await clickNode(microsoft);
  await page.waitForFunction(() => /^Added /.test(document.getElementById('diagram-note').textContent),
                             { timeout: 20000 });
  const grown = await download('#download-svg');
  const grownTitles = [...grown.bytes.toString('utf8').matchAll(/<title>(n\d+)<\/title>/g)].map((m) => m[1]).sort();
  assert.deepEqual(grownTitles, await drawnNodes());
  assert.equal(grownTitles.length, 20);
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
  // The PNG download draws the SVG from a data: URL, which is no request to anywhere.
  assert.deepEqual(requests.filter((u) => !u.startsWith(base + '/') && !u.startsWith('data:image/svg+xml;')), []);
  assert.equal(requests.filter((u) => u.startsWith('data:')).length, 1);
  // Chromium logs every 4xx answer; the one is the syntax error's 400.
  assert.deepEqual(consoleErrors, ['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
  assert.deepEqual(dialogs, []);
});

let failed = await runCases(cases);
await browser.close();
rmSync(downloads, { recursive: true, force: true });
const code = await stopServer(server);
if (code !== 0) {
  failed++;
  console.log(`not ok - ergo serve exited with ${code}\n${server.log()}`);
}
console.log(`screenshots: ${path.join(shots, 'web-*.png')}`);
console.log(failed ? `${failed} failed` : `all ${cases.length} passed`);
process.exit(failed ? 1 : 0);
