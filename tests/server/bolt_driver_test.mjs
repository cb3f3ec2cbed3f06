// ergo serve against the official Neo4j JavaScript driver (neo4j-driver,
// pinned in package-lock.json). Run by CTest (label server):
//   node bolt_driver_test.mjs ERGO_BINARY DATA_DIR
// It starts `ergo serve` on a free port, runs every case, stops the server
// with SIGTERM and checks that it stopped cleanly. Exit 0: all passed; 1: a
// failure; 77: the driver is not installed (run `npm ci` here), a skip.
import net from 'node:net';
import https from 'node:https';
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { requireDriver, startServer as start, stopServer } from './serve_process.mjs';
import { caseList, runCases } from './cases.mjs';

const neo4j = requireDriver();

const [ergo, data] = process.argv.slice(2);
if (!ergo || !data) {
  console.error('usage: node bolt_driver_test.mjs ERGO_BINARY DATA_DIR');
  process.exit(2);
}

const startServer = (extra = [], sources = data) => start(ergo, sources, extra);
const server = startServer();
const { bolt: port, http: httpPort } = await server.port;
const url = `bolt://127.0.0.1:${port}`;
const driver = neo4j.driver(url, neo4j.auth.basic('anyone', 'anything'), { disableLosslessIntegers: false });

const { cases, test } = caseList();

async function one(query, params = {}) {
  const session = driver.session();
  try {
    const result = await session.run(query, params);
    return result.records;
  } finally {
    await session.close();
  }
}

test('the handshake settles on Bolt 5.4, and the server names itself', async () => {
  const info = await driver.getServerInfo();
  const v = info.protocolVersion;  // 5.4 in driver 5, {major: 5, minor: 4} in driver 6
  assert.equal(typeof v === 'number' ? String(v) : `${v.major}.${v.minor}`, '5.4');
  assert.match(info.agent, /^ergo\/\d+\.\d+\.\d+$/);
});

test('scalars both ways: Korean strings, Integer vs float, null, lists, maps', async () => {
  const params = {
    s: '마이크로소프트 투자 — Größe',
    i: neo4j.int(9007199254740993n.toString()),  // beyond 2^53: only an Integer holds it
    f: 2.5,
    whole: 3.0,                                  // a JS number is sent as a float
    b: true,
    n: null,
    l: [neo4j.int(1), 'two', [3.5, null], 1],    // the last: a JS number, so a float
    m: { 이름: '샘 알트만', nested: { k: [true] } },
  };
  const [r] = await one('RETURN $s AS s, $i AS i, $f AS f, $whole AS whole, $b AS b, $n AS n, $l AS l, $m AS m, ' +
                        '$i + 1 AS i1, 7 AS seven, 7.0 AS sevenf, toString($whole) AS wholeText', params);
  assert.equal(r.get('s'), params.s);
  assert.ok(neo4j.isInt(r.get('i')));
  assert.equal(r.get('i').toString(), '9007199254740993');
  assert.equal(r.get('i1').toString(), '9007199254740994');
  assert.equal(r.get('f'), 2.5);
  assert.equal(r.get('whole'), 3);
  assert.equal(r.get('wholeText'), '3.0');
  assert.equal(r.get('b'), true);
  assert.equal(r.get('n'), null);
  assert.ok(neo4j.isInt(r.get('seven')));
  assert.equal(r.get('seven').toNumber(), 7);
  assert.equal(typeof r.get('sevenf'), 'number');
  const l = r.get('l');
  assert.equal(l.length, 4);
  assert.ok(neo4j.isInt(l[0]));
  assert.equal(l[3], 1);
  assert.equal(typeof l[3], 'number');
  assert.equal(l[1], 'two');
  assert.deepEqual(l[2], [3.5, null]);
  assert.equal(r.get('m')['이름'], '샘 알트만');
  assert.deepEqual(r.get('m').nested, { k: [true] });
});

test('dates both ways', async () => {
  const [r] = await one("RETURN date('2019-07-22') AS d, $d AS back, $d.year AS y",
                        { d: new neo4j.types.Date(2024, 1, 31) });
  assert.ok(neo4j.isDate(r.get('d')));
  assert.equal(r.get('d').toString(), '2019-07-22');
  assert.equal(r.get('back').toString(), '2024-01-31');
  assert.equal(r.get('y').toNumber(), 2024);
});

test('times, date-times and durations both ways, named zones included', async () => {
  const [r] = await one(
    "RETURN datetime('2019-07-22T09:30[Asia/Seoul]') AS seoul, datetime('2019-07-22T09:30-03:30') AS fixed, " +
    "localdatetime('2019-07-22T09:30') AS local, time('09:30+09:00') AS t, localtime('09:30:15.5') AS lt, " +
    "duration('P1Y2M3DT4H') AS d, $dt AS back, $dt.timezone AS zone, $dur.days AS days",
    { dt: new neo4j.types.DateTime(2019, 7, 22, 9, 30, 0, 0, undefined, 'Europe/London'),
      dur: new neo4j.types.Duration(0, 3, 3600, 0) });
  assert.ok(neo4j.isDateTime(r.get('seoul')));
  assert.equal(r.get('seoul').timeZoneId, 'Asia/Seoul');
  assert.equal(r.get('seoul').hour.toNumber(), 9);
  assert.equal(r.get('fixed').timeZoneOffsetSeconds.toNumber(), -12600);
  assert.ok(neo4j.isLocalDateTime(r.get('local')));
  assert.equal(r.get('local').toString(), '2019-07-22T09:30:00');
  assert.ok(neo4j.isTime(r.get('t')));
  assert.equal(r.get('t').timeZoneOffsetSeconds.toNumber(), 32400);
  assert.ok(neo4j.isLocalTime(r.get('lt')));
  assert.equal(r.get('lt').nanosecond.toNumber(), 500000000);
  assert.ok(neo4j.isDuration(r.get('d')));
  assert.equal(r.get('d').months.toNumber(), 14);
  assert.equal(r.get('d').seconds.toNumber(), 14400);
  assert.equal(r.get('back').timeZoneId, 'Europe/London');
  assert.equal(r.get('back').hour.toNumber(), 9);
  assert.equal(r.get('zone'), 'Europe/London');
  assert.equal(r.get('days').toNumber(), 3);
});

test('nodes, relationships and paths from the bundled graph, with element ids', async () => {
  const records = await one(
    "MATCH p = (a:Company {name: 'Microsoft'})-[r:INVESTS_IN]->(b:Company {name: 'OpenAI'}) " +
    'WHERE r.amount IS NOT NULL RETURN a, r, b, p');
  assert.equal(records.length, 1);
  const [rec] = records;
  const a = rec.get('a'), r = rec.get('r'), b = rec.get('b'), p = rec.get('p');
  assert.deepEqual(a.labels, ['Company']);
  assert.equal(a.properties.name, 'Microsoft');
  assert.ok(a.properties.aliases.includes('마이크로소프트'));
  assert.match(a.elementId, /^n:\d+$/);
  assert.equal(a.elementId, `n:${a.identity.toString()}`);
  assert.equal(r.type, 'INVESTS_IN');
  assert.equal(r.properties.amount.toString(), '1000000000');
  assert.equal(r.properties.currency, 'USD');
  assert.match(r.elementId, /^r:\d+$/);
  assert.equal(r.startNodeElementId, a.elementId);
  assert.equal(r.endNodeElementId, b.elementId);
  assert.equal(p.length, 1);
  assert.equal(p.start.elementId, a.elementId);
  assert.equal(p.end.elementId, b.elementId);
  assert.equal(p.segments[0].relationship.elementId, r.elementId);
  assert.equal(p.segments[0].relationship.startNodeElementId, a.elementId);
});

test('elementId() answers the driver\'s element ids, and finds the element again', async () => {
  const [rec] = await one(
    "MATCH (a {name: 'Microsoft'})-[r:INVESTS_IN]->({name: 'OpenAI'}) WHERE r.amount IS NOT NULL " +
    'RETURN a, r, elementId(a) AS aid, elementId(r) AS rid');
  assert.equal(rec.get('aid'), rec.get('a').elementId);
  assert.equal(rec.get('rid'), rec.get('r').elementId);
  const again = await one('MATCH (n) WHERE elementId(n) = $id RETURN n.name AS name', { id: rec.get('aid') });
  assert.deepEqual(again.map((x) => x.get('name')), ['Microsoft']);
});

test('a path walked against a relationship keeps the relationship\'s direction', async () => {
  const [rec] = await one(
    "MATCH p = (b:Company {name: 'OpenAI'})<-[r:INVESTS_IN]-(a:Company {name: 'Microsoft'}) " +
    'WHERE r.amount IS NOT NULL RETURN p, a, b');
  const p = rec.get('p');
  assert.equal(p.start.elementId, rec.get('b').elementId);
  assert.equal(p.segments[0].end.elementId, rec.get('a').elementId);
  assert.equal(p.segments[0].relationship.startNodeElementId, rec.get('a').elementId);
});

test('an error, then a working query on the same session', async () => {
  const session = driver.session();
  try {
    await assert.rejects(session.run('MATCH (n)\nRETRUN n'), (e) => {
      assert.equal(e.code, 'Neo.ClientError.Statement.SyntaxError');
      assert.equal(e.message, "<query>:2:1: error: unexpected 'RETRUN', did you mean 'RETURN'?\nRETRUN n\n^~~~~~");
      return true;
    });
    await assert.rejects(session.run('RETURN $missing'), { code: 'Neo.ClientError.Statement.ParameterMissing' });
    const result = await session.run('RETURN 1 + 1 AS two');
    assert.equal(result.records[0].get('two').toNumber(), 2);
  } finally {
    await session.close();
  }
});

test('streaming 100,000 rows in PULL batches', async () => {
  const session = driver.session({ fetchSize: 1000 });
  try {
    let count = 0, sum = 0n;
    await new Promise((resolve, reject) => {
      session.run('UNWIND range(1, 100000) AS x RETURN x').subscribe({
        onNext: (r) => { count++; sum += BigInt(r.get('x').toString()); },
        onCompleted: resolve,
        onError: reject,
      });
    });
    assert.equal(count, 100000);
    assert.equal(sum, 5000050000n);
  } finally {
    await session.close();
  }
});

test('32 concurrent sessions', async () => {
  const answers = await Promise.all(Array.from({ length: 32 }, async (_, k) => {
    const session = driver.session();
    try {
      const r = await session.run(
        'MATCH (c:Company) WITH count(c) AS companies UNWIND range(1, $k) AS x RETURN companies, sum(x) AS s',
        { k: neo4j.int(k + 1) });
      return [r.records[0].get('companies').toNumber(), r.records[0].get('s').toNumber()];
    } finally {
      await session.close();
    }
  }));
  const [companies] = answers[0];
  assert.ok(companies > 0);
  answers.forEach(([c, s], k) => {
    assert.equal(c, companies);
    assert.equal(s, ((k + 1) * (k + 2)) / 2);
  });
});

const countOf = async (session, label) =>
  (await session.run(`MATCH (n:${label}) RETURN count(n) AS n`)).records[0].get('n').toNumber();

test('managed transactions: executeWrite commits, executeRead reads, a write in executeRead is refused', async () => {
  const session = driver.session();
  try {
    const created = await session.executeWrite(async (tx) => {
      const a = await tx.run("CREATE (p:TxProbe {name: '거래 1'}) RETURN p.name AS name");
      // The transaction's next statement sees its first.
      const b = await tx.run('MATCH (p:TxProbe) RETURN count(p) AS n');
      return [a.records[0].get('name'), b.records[0].get('n').toNumber(), a.summary.counters.updates().nodesCreated];
    });
    assert.deepEqual(created, ['거래 1', 1, 1]);
    const names = await session.executeRead(async (tx) => {
      const r = await tx.run('MATCH (p:TxProbe) RETURN p.name AS name');
      return r.records.map((x) => x.get('name'));
    });
    assert.deepEqual(names, ['거래 1']);
    await assert.rejects(session.executeRead((tx) => tx.run('CREATE (:TxProbe)')), (e) => {
      assert.equal(e.code, 'Neo.ClientError.Statement.AccessMode');
      assert.match(e.message, /read-only/);
      return true;
    });
    assert.equal(await countOf(session, 'TxProbe'), 1);
    const { records } = await driver.executeQuery("MERGE (p:TxProbe {name: '거래 2'}) RETURN p.name AS name");
    assert.equal(records[0].get('name'), '거래 2');
    assert.equal(await countOf(session, 'TxProbe'), 2);
  } finally {
    await session.close();
  }
});

test('explicit transactions: rollback and close leave nothing, commit keeps everything', async () => {
  const session = driver.session();
  try {
    let tx = session.beginTransaction();
    await tx.run("CREATE (:Rolled {name: 'a'})-[:LINKS]->(:Rolled {name: 'b'})");
    await tx.run("MATCH (p:Person {name: 'Sam Altman'}) SET p.rolled = true");
    await tx.rollback();
    assert.equal(await countOf(session, 'Rolled'), 0);
    let r = await session.run("MATCH (p:Person {name: 'Sam Altman'}) RETURN p.rolled AS x");
    assert.equal(r.records[0].get('x'), null);
    tx = session.beginTransaction();
    await tx.run("CREATE (:Rolled {name: 'c'})");
    await tx.close();  // not committed: rolled back
    assert.equal(await countOf(session, 'Rolled'), 0);
    tx = session.beginTransaction();
    await tx.run("CREATE (:Kept {name: 'k1'})");
    await tx.run("CREATE (:Kept {name: 'k2'})");
    await tx.commit();
    assert.equal(await countOf(session, 'Kept'), 2);
  } finally {
    await session.close();
  }
});

// Before ergo kept two versions of the graph (ADR 0006 §4), every one of
// these reads waited for the transaction to end.
test('reads never wait for another client\'s open write transaction', async () => {
  const within = async (promise, what) => {
    let timer;
    const late = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} waited for the open transaction`)), 5000);
    });
    try {
      return await Promise.race([promise, late]);
    } finally {
      clearTimeout(timer);
    }
  };
  const writer = driver.session();
  const reader = driver.session();
  try {
    const tx = writer.beginTransaction();
    await tx.run("CREATE (:Unseen {name: 'u1'})");
    await tx.run("MATCH (c:Company {name: 'OpenAI'}) SET c.unseen = true");
    assert.equal(await within(countOf(reader, 'Unseen'), 'an auto-commit read'), 0);
    const r = await within(reader.executeRead((t) => t.run("MATCH (c:Company {name: 'OpenAI'}) RETURN c.unseen AS x")),
                           'a read transaction');
    assert.equal(r.records[0].get('x'), null);
    const h = await within(query({ statement: 'MATCH (n:Unseen) RETURN count(n) AS n' }), 'an HTTP read');
    assert.deepEqual(h.json.data.values, [[0]]);
    await tx.commit();
    assert.equal(await countOf(reader, 'Unseen'), 1);
    await reader.run("MATCH (n:Unseen) DELETE n WITH 1 AS x MATCH (c:Company {name: 'OpenAI'}) REMOVE c.unseen");
  } finally {
    await writer.close();
    await reader.close();
  }
});

test('a failed statement fails its transaction; the session goes on', async () => {
  const session = driver.session();
  try {
    const tx = session.beginTransaction();
    await tx.run("CREATE (:Failing {name: 'f'})-[:LINKS]->(:Failing)");
    await assert.rejects(tx.run('MATCH (n:Failing) DELETE n'), (e) => {
      assert.equal(e.code, 'Neo.ClientError.Schema.ConstraintValidationFailed');
      assert.match(e.message, /use DETACH DELETE/);
      return true;
    });
    await assert.rejects(tx.commit());
    assert.equal(await countOf(session, 'Failing'), 0);
  } finally {
    await session.close();
  }
});

test('one writer at a time: 16 concurrent executeWrite increments all count, readers see whole commits', async () => {
  await one("CREATE (:Counter {name: 'c', n: 0})");
  const sessions = Array.from({ length: 16 }, () => driver.session());
  const seen = [];
  try {
    await Promise.all(sessions.map(async (session, k) => {
      if (k % 4 === 3) {  // a reader: each answer is one committed state (pairs created together)
        for (let i = 0; i < 5; i++) {
          const r = await session.run('MATCH (a:Pair) RETURN count(a) AS n');
          seen.push(r.records[0].get('n').toNumber());
        }
        return;
      }
      await session.executeWrite(async (tx) => {
        const r = await tx.run("MATCH (c:Counter {name: 'c'}) RETURN c.n AS n");
        const n = r.records[0].get('n').toNumber();
        await new Promise((resolve) => setTimeout(resolve, 5));  // the client thinks: the lock is held meanwhile
        await tx.run("MATCH (c:Counter {name: 'c'}) SET c.n = $n", { n: neo4j.int(n + 1) });
        await tx.run('CREATE (:Pair), (:Pair)');
      });
    }));
  } finally {
    await Promise.all(sessions.map((s) => s.close()));
  }
  const r = await one("MATCH (c:Counter {name: 'c'}) RETURN c.n AS n");
  assert.equal(r[0].get('n').toNumber(), 12);
  assert.equal((await one('MATCH (a:Pair) RETURN count(a) AS n'))[0].get('n').toNumber(), 24);
  for (const n of seen) assert.equal(n % 2, 0, `a reader saw ${n} Pair nodes: half a transaction`);
});

test('--transaction-timeout: an idle transaction is rolled back and lets go of the database', async () => {
  const quick = startServer(['--transaction-timeout', '0.3']);
  const { bolt } = await quick.port;
  const d = neo4j.driver(`bolt://127.0.0.1:${bolt}`, neo4j.auth.basic('anyone', 'anything'));
  const idle = d.session(), other = d.session();
  try {
    const tx = idle.beginTransaction();
    await tx.run("CREATE (:Idle {name: 'i'})");
    // Another client's write waits for the lock, then goes through once
    // the idle transaction is rolled back.
    const started = Date.now();
    await other.run("CREATE (:Other {name: 'o'})");
    assert.ok(Date.now() - started >= 200, 'the write did not wait for the open transaction');
    await assert.rejects(tx.commit(), (e) => {
      assert.equal(e.code, 'Neo.ClientError.Transaction.TransactionTimedOut');
      assert.match(e.message, /^the transaction was rolled back: it was idle for 0\.3 s \(--transaction-timeout\); /);
      return true;
    });
    assert.equal(await countOf(other, 'Idle'), 0);
    assert.equal(await countOf(other, 'Other'), 1);
  } finally {
    await idle.close();
    await other.close();
    await d.close();
  }
  assert.equal(await stopServer(quick), 0);
  assert.match(quick.log(), /bolt-\d+: transaction rolled back: it was idle for 0\.3 s \(--transaction-timeout\)/);
});

test('--db: committed transactions survive a restart, an open one at SIGTERM does not', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ergo-serve-db-'));
  try {
    let kept = startServer(['--db', dir], null);
    let { bolt } = await kept.port;
    let d = neo4j.driver(`bolt://127.0.0.1:${bolt}`, neo4j.auth.basic('anyone', 'anything'));
    let session = d.session();
    await session.executeWrite((tx) => tx.run("CREATE (:Kept {name: '남는 것'})-[:NEXT]->(:Kept {name: 'b'})"));
    const open = d.session();
    const tx = open.beginTransaction();
    await tx.run("CREATE (:Lost {name: 'never committed'})");
    assert.equal(await stopServer(kept), 0);
    await d.close().catch(() => {});
    kept = startServer(['--db', dir], null);
    ({ bolt } = await kept.port);
    d = neo4j.driver(`bolt://127.0.0.1:${bolt}`, neo4j.auth.basic('anyone', 'anything'));
    session = d.session();
    const r = await session.run('MATCH (a:Kept)-[:NEXT]->(b) RETURN a.name AS a, b.name AS b');
    assert.deepEqual(r.records.map((x) => [x.get('a'), x.get('b')]), [['남는 것', 'b']]);
    assert.equal(await countOf(session, 'Lost'), 0);
    await session.close();
    await d.close();
    assert.equal(await stopServer(kept), 0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('--auth-file: Bolt basic and bearer, HTTP Basic and Bearer; anything else refused', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ergo-serve-auth-'));
  const file = path.join(dir, 'users');
  try {
    let made = spawnSync(ergo, ['passwd', file, 'alice'], { input: 'sekret 비밀\n' });
    assert.equal(made.status, 0, String(made.stderr));
    made = spawnSync(ergo, ['passwd', '--token', file, 'ci']);
    assert.equal(made.status, 0, String(made.stderr));
    const token = String(made.stdout).trim();
    assert.match(token, /^[0-9a-f]{64}$/);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    // Any address once users are required; the test connects through loopback.
    const secured = startServer(['--auth-file', file, '--bolt', '0.0.0.0:0']);
    const { bolt, http: web } = await secured.port;
    const answer = async (auth) => {
      const d = neo4j.driver(`bolt://127.0.0.1:${bolt}`, auth);
      try {
        const r = await d.executeQuery('RETURN 41 + 1 AS answer');
        return r.records[0].get('answer').toNumber();
      } catch (e) {
        return e.code;
      } finally {
        await d.close();
      }
    };
    assert.equal(await answer(neo4j.auth.basic('alice', 'sekret 비밀')), 42);
    assert.equal(await answer(neo4j.auth.bearer(token)), 42);
    assert.equal(await answer(neo4j.auth.basic('alice', 'sekret')), 'Neo.ClientError.Security.Unauthorized');
    assert.equal(await answer(neo4j.auth.basic('mallory', 'sekret 비밀')), 'Neo.ClientError.Security.Unauthorized');
    assert.equal(await answer(neo4j.auth.bearer('0'.repeat(64))), 'Neo.ClientError.Security.Unauthorized');
    const ask = (headers, target = '/db/neo4j/query/v2') =>
      fetch(`http://127.0.0.1:${web}${target}`, {
        method: target === '/' ? 'GET' : 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: target === '/' ? undefined : JSON.stringify({ statement: 'RETURN 42 AS answer' }),
      });
    let r = await ask({});
    assert.equal(r.status, 401);
    assert.equal(r.headers.get('www-authenticate'), 'Basic realm="ergo", charset="UTF-8"');
    assert.equal((await r.json()).errors[0].code, 'Neo.ClientError.Security.Unauthorized');
    assert.equal((await ask({}, '/')).status, 401);  // the page too: the browser asks, then sends them along
    const basic = (user, password) => ({ Authorization: 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64') });
    r = await ask(basic('alice', 'sekret 비밀'));
    assert.equal(r.status, 202);
    assert.deepEqual((await r.json()).data.values, [[42]]);
    assert.equal((await ask(basic('alice', 'sekret 비밀'), '/')).status, 200);
    assert.equal((await ask({ Authorization: `Bearer ${token}` })).status, 202);
    assert.equal((await ask(basic('alice', 'wrong'))).status, 401);
    assert.equal((await ask({ Authorization: 'Bearer nope' })).status, 401);
    assert.equal(await stopServer(secured), 0);
    assert.match(secured.log(), /authentication: 2 users and tokens from /);
    assert.match(secured.log(), /bolt-\d+: authentication failed for user 'mallory'/);
    assert.match(secured.log(), /http-\d+ authentication failed for user 'alice'/);
    // Beyond loopback without an auth file: refused, saying what to add.
    const open = spawnSync(ergo, ['serve', data, '--bolt', '0.0.0.0:0', '--http', '127.0.0.1:0']);
    assert.equal(open.status, 2);
    assert.match(String(open.stderr), /listens beyond loopback addresses only with authentication; add --auth-file FILE/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('--tls-cert/--tls-key: bolt+s, bolt+ssc and https with the certificate; a plain client is turned away', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ergo-serve-tls-'));
  const cert = path.join(dir, 'cert.pem'), key = path.join(dir, 'key.pem');
  try {
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost',
                                       '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-days', '2',
                                       '-keyout', key, '-out', cert]);
    assert.equal(made.status, 0, `openssl could not make a certificate: ${made.stderr}`);
    const secured = startServer(['--tls-cert', cert, '--tls-key', key]);
    const { bolt, http: web } = await secured.port;
    const answer = async (url, config = {}) => {
      // No retries: a refused connection is the answer here, not a reason to try for 30 s.
      const d = neo4j.driver(url, neo4j.auth.basic('anyone', 'anything'),
                             { connectionTimeout: 3000, maxTransactionRetryTime: 0, ...config });
      try {
        const r = await d.executeQuery("RETURN '암호화' AS answer");
        return r.records[0].get('answer');
      } catch (e) {
        return e.code;
      } finally {
        await d.close();
      }
    };
    // The certificate trusted as a CA: the driver checks it and the host name.
    assert.equal(await answer(`bolt://127.0.0.1:${bolt}`, {
      encrypted: 'ENCRYPTION_ON', trust: 'TRUST_CUSTOM_CA_SIGNED_CERTIFICATES', trustedCertificates: [cert],
    }), '암호화');
    assert.equal(await answer(`bolt+ssc://127.0.0.1:${bolt}`), '암호화');  // self-signed, accepted as such
    assert.equal(await answer(`neo4j+ssc://127.0.0.1:${bolt}`), '암호화');  // routing over TLS too
    assert.equal(await answer(`bolt+s://127.0.0.1:${bolt}`), 'ServiceUnavailable');  // not signed by a known CA
    assert.equal(await answer(`bolt://127.0.0.1:${bolt}`), 'ServiceUnavailable');    // no TLS: turned away
    const body = await new Promise((resolve, reject) => {
      const request = https.request({ host: '127.0.0.1', port: web, path: '/db/neo4j/query/v2', method: 'POST',
                                      ca: fs.readFileSync(cert), headers: { 'Content-Type': 'application/json' } },
                                    (response) => {
                                      let text = '';
                                      response.on('data', (c) => { text += c; });
                                      response.on('end', () => resolve([response.statusCode, text]));
                                    });
      request.on('error', reject);
      request.end(JSON.stringify({ statement: 'RETURN 42 AS answer' }));
    });
    assert.deepEqual(body, [202, '{"bookmarks":[],"data":{"fields":["answer"],"values":[[42]]}}']);
    assert.equal(await answer(`bolt+ssc://127.0.0.1:${bolt}`), '암호화');  // still serving
    assert.equal(await stopServer(secured), 0);
    assert.match(secured.log(), /TLS on both ports \(bolt\+s:\/\/, neo4j\+s:\/\/, https:\/\/\) with the certificate in /);
    assert.match(secured.log(), /bolt-\d+ 127\.0\.0\.1:\d+ closed after \d+ ms: TLS handshake failed: /);
    // A key that is not the certificate's: refused at start.
    const otherKey = path.join(dir, 'other.pem');
    spawnSync('openssl', ['genpkey', '-algorithm', 'RSA', '-out', otherKey]);
    const wrong = spawnSync(ergo, ['serve', data, '--tls-cert', cert, '--tls-key', otherKey,
                                   '--bolt', '127.0.0.1:0', '--http', '127.0.0.1:0']);
    assert.equal(wrong.status, 1);
    assert.match(String(wrong.stderr), /--tls-key .*other\.pem is not the private key of the certificate in /);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('an auto-commit write, its counters, and reading it back', async () => {
  const session = driver.session();
  try {
    const w = await session.run("CREATE (n:Probe {name: '탐사선'}) RETURN n");
    assert.equal(w.summary.counters.updates().nodesCreated, 1);
    assert.equal(w.summary.counters.updates().propertiesSet, 1);
    assert.equal(w.records[0].get('n').properties.name, '탐사선');
    const r = await session.run("MATCH (n:Probe {name: '탐사선'}) RETURN count(n) AS n");
    assert.equal(r.records[0].get('n').toNumber(), 1);
  } finally {
    await session.close();
  }
});

// Every counter the driver knows, so that a wrong or missing key shows.
const counters = (changed) => ({
  nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0, propertiesSet: 0,
  labelsAdded: 0, labelsRemoved: 0, indexesAdded: 0, indexesRemoved: 0, constraintsAdded: 0,
  constraintsRemoved: 0, ...changed,
});

test('SET, REMOVE, MERGE and DELETE over Bolt: summary.counters as Neo4j reports them', async () => {
  const session = driver.session();
  const write = async (query) => (await session.run(query)).summary.counters;
  try {
    let c = await write("CREATE (:Probe {name: 'w1'})-[:TOUCHES]->(:Probe {name: 'w2'})");
    assert.deepEqual(c.updates(), counters({ nodesCreated: 2, relationshipsCreated: 1, propertiesSet: 2, labelsAdded: 2 }));
    assert.equal(c.containsUpdates(), true);
    c = await write("MATCH (p:Probe {name: 'w1'}) SET p.size = 3, p:Big REMOVE p:Probe");
    assert.deepEqual(c.updates(), counters({ propertiesSet: 1, labelsAdded: 1, labelsRemoved: 1 }));
    c = await write("MERGE (p:Probe {name: 'w3'})");
    assert.deepEqual(c.updates(), counters({ nodesCreated: 1, propertiesSet: 1, labelsAdded: 1 }));
    c = await write("MERGE (p:Probe {name: 'w3'})");
    assert.deepEqual(c.updates(), counters({}));
    assert.equal(c.containsUpdates(), false);
    c = await write("MATCH (p {name: 'w2'}) DETACH DELETE p");
    assert.deepEqual(c.updates(), counters({ nodesDeleted: 1, relationshipsDeleted: 1 }));
    assert.equal(c.containsUpdates(), true);
    const r = await session.run("MATCH (p:Big {name: 'w1'}) RETURN p.size AS size, labels(p) AS labels");
    assert.equal(r.records[0].get('size').toNumber(), 3);
    assert.deepEqual(r.records[0].get('labels'), ['Big']);
  } finally {
    await session.close();
  }
});

test('PROFILE: the answer, and summary.profile as the driver reads it', async () => {
  const session = driver.session();
  try {
    const r = await session.run("PROFILE MATCH (c:Company {name: 'OpenAI'})-[:DEVELOPS]->(p) RETURN count(p) AS n");
    assert.equal(r.records[0].get('n').toNumber(), 10);
    assert.equal(r.summary.hasProfile(), true);
    const chain = [];
    for (let op = r.summary.profile; op; op = op.children[0]) {
      chain.push(`${op.operatorType} ${op.arguments.Details} ${op.rows}`);
      assert.equal(op.dbHits, 0);
      assert.equal(typeof op.time, 'number');
      assert.ok(op.children.length <= 1);
    }
    assert.deepEqual(chain, [
      'Produce n 1',
      'Project $3 = count(p) 1',
      'Aggregate $4 = count(p) 1',
      'Expand ($0)-[:DEVELOPS $1]->($2) 10',
      "NodeByNameSeek $0:Company name = 'OpenAI' 1",
      'Once  1',
    ]);
    const plain = await session.run('RETURN 1 AS x');
    assert.equal(plain.summary.hasProfile(), false);
  } finally {
    await session.close();
  }
});

test('neo4j:// URIs work through the single-server routing table', async () => {
  const routed = neo4j.driver(`neo4j://127.0.0.1:${port}`, neo4j.auth.basic('anyone', 'anything'));
  try {
    const session = routed.session({ defaultAccessMode: neo4j.session.READ });
    const r = await session.run("MATCH (c:Company {name: 'OpenAI'}) RETURN c.name AS name");
    assert.equal(r.records[0].get('name'), 'OpenAI');
    await session.close();
    await assert.rejects(routed.session({ database: 'other' }).run('RETURN 1'),
                         { code: 'Neo.ClientError.Database.DatabaseNotFound' });
  } finally {
    await routed.close();
  }
});

// Raw sockets: what a broken client sends. Resolves with every byte the
// server answered once it closes the connection (or after 3 s).
function raw(bytes) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const received = [];
    const timer = setTimeout(() => { socket.destroy(); resolve({ closed: false, data: Buffer.concat(received) }); }, 3000);
    socket.on('connect', () => socket.end(bytes));
    socket.on('data', (d) => received.push(d));
    socket.on('error', reject);
    socket.on('close', () => { clearTimeout(timer); resolve({ closed: true, data: Buffer.concat(received) }); });
  });
}
const handshake = Buffer.from('6060b017' + '00080805' + '00000000'.repeat(3), 'hex');

test('the manifest handshake (Bolt 5.7\'s) on a raw socket: the offer, the choice, then messages', async () => {
  const proposals = '000001ff' + '00080805' + '00020404' + '00000003';  // what neo4j-driver 6 sends
  const hello = Buffer.from('0010b101a18a757365725f6167656e7481740000', 'hex');  // HELLO {user_agent: 't'}
  let r = await raw(Buffer.concat([Buffer.from('6060b017' + proposals + '00000405' + '00', 'hex'), hello]));
  assert.deepEqual(r.data.subarray(0, 10), Buffer.from('000001ff' + '01' + '00040405' + '00', 'hex'));
  assert.deepEqual(r.data.subarray(12, 14), Buffer.from('b170', 'hex'));  // SUCCESS
  // A choice the manifest did not offer: the connection is closed.
  r = await raw(Buffer.from('6060b017' + proposals + '00000805' + '00', 'hex'));
  assert.equal(r.closed, true);
  assert.equal(r.data.length, 10);
  // Capabilities as a longer varint are read and ignored.
  r = await raw(Buffer.concat([Buffer.from('6060b017' + proposals + '00000305' + '8101', 'hex'), hello]));
  assert.deepEqual(r.data.subarray(12, 14), Buffer.from('b170', 'hex'));
});

test('garbage and truncated frames: errors, closed connections, the server stays up', async () => {
  let r = await raw(Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
  assert.equal(r.closed, true);
  assert.equal(r.data.length, 0);
  r = await raw(Buffer.from('6060b017' + '00000404' + '00000000'.repeat(3), 'hex'));  // Bolt 4.4 only
  assert.deepEqual(r.data, Buffer.from('00000000', 'hex'));
  // A garbage message after the handshake: a FAILURE (B1 7F ...) then the connection is closed.
  r = await raw(Buffer.concat([handshake, Buffer.from('0002c4010000', 'hex')]));
  assert.deepEqual(r.data.subarray(0, 4), Buffer.from('00000405', 'hex'));
  assert.deepEqual(r.data.subarray(6, 8), Buffer.from('b17f', 'hex'));
  assert.ok(r.data.includes(Buffer.from('Neo.ClientError.Request.Invalid')));
  // A truncated frame: announces 100 bytes, sends 3, then hangs up.
  r = await raw(Buffer.concat([handshake, Buffer.from('0064b101', 'hex')]));
  assert.equal(r.closed, true);
  // A message whose size lies (a list of 2^31 items).
  r = await raw(Buffer.concat([handshake, Buffer.from('0007b1 01 d6 7fffffff 0000'.replace(/ /g, ''), 'hex')]));
  assert.ok(r.data.includes(Buffer.from('Neo.ClientError.Request.Invalid')));
  const [ok] = await one('RETURN 42 AS answer');
  assert.equal(ok.get('answer').toNumber(), 42);
});

// The HTTP Query API: POST /db/neo4j/query/v2 with fetch().
async function query(body, path = '/db/neo4j/query/v2', method = 'POST') {
  const res = await fetch(`http://127.0.0.1:${httpPort}${path}`, {
    method, headers: { 'Content-Type': 'application/json' }, body: method === 'POST' ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, json: await res.json() };
}

test('HTTP Query API: values, graph elements, counters', async () => {
  let r = await query({ statement: 'RETURN $s AS s, $i + 1 AS i, $f AS f, [1, null] AS l, {k: $m} AS m, ' +
                       "date('2019-07-22') AS d", parameters: { s: '한국어', i: 41, f: 1.5, m: { a: [true] } } });
  assert.equal(r.status, 202);
  assert.deepEqual(r.json.data, { fields: ['s', 'i', 'f', 'l', 'm', 'd'],
                                  values: [['한국어', 42, 1.5, [1, null], { k: { a: [true] } }, '2019-07-22']] });
  r = await query({ statement: "MATCH p = (a:Company {name: 'Microsoft'})-[r:INVESTS_IN]->(b:Company {name: 'OpenAI'}) " +
                               'WHERE r.amount IS NOT NULL RETURN a, r, p' });
  assert.equal(r.status, 202);
  const [[a, rel, path]] = r.json.data.values;
  assert.deepEqual(a.labels, ['Company']);
  assert.equal(a.properties.name, 'Microsoft');
  assert.match(a.elementId, /^n:\d+$/);
  assert.equal(rel.type, 'INVESTS_IN');
  assert.equal(rel.startNodeElementId, a.elementId);
  assert.equal(rel.properties.amount, 1000000000);
  assert.equal(path.length, 3);
  assert.equal(path[1].elementId, rel.elementId);
  r = await query({ statement: "CREATE (:Probe {name: 'http'})", includeCounters: true });
  assert.equal(r.status, 202);
  assert.equal(r.json.counters.nodesCreated, 1);
  assert.equal(r.json.counters.containsUpdates, true);
  r = await query({ statement: "MATCH (p:Probe {name: 'http'}) SET p.seen = true REMOVE p:Probe", includeCounters: true });
  assert.deepEqual([r.json.counters.propertiesSet, r.json.counters.labelsRemoved, r.json.counters.containsUpdates],
                   [1, 1, true]);
  r = await query({ statement: "MATCH (p {name: 'http'}) DELETE p", includeCounters: true });
  assert.deepEqual([r.json.counters.nodesDeleted, r.json.counters.containsUpdates], [1, true]);
});

test('HTTP Query API: errors', async () => {
  let r = await query({ statement: 'MATCH (n)\nRETRUN n' });
  assert.equal(r.status, 400);
  assert.deepEqual(r.json.errors, [{ code: 'Neo.ClientError.Statement.SyntaxError',
    message: "<query>:2:1: error: unexpected 'RETRUN', did you mean 'RETURN'?\nRETRUN n\n^~~~~~" }]);
  r = await query({ statement: 'RETURN 1' }, '/db/other/query/v2');
  assert.equal(r.status, 404);
  assert.equal(r.json.errors[0].code, 'Neo.ClientError.Database.DatabaseNotFound');
  r = await query({ nope: 1 });
  assert.equal(r.status, 400);
  assert.equal(r.json.errors[0].message, 'the request has no "statement" string');
  r = await query(undefined, '/db/neo4j/query/v2', 'GET');
  assert.equal(r.status, 405);
  r = await query(undefined, '/nowhere', 'GET');
  assert.equal(r.status, 404);
  const garbage = await new Promise((resolve, reject) => {
    const socket = net.connect(httpPort, '127.0.0.1');
    let text = '';
    socket.on('connect', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
    socket.on('data', (d) => { text += d; });
    socket.on('error', reject);
    socket.on('close', () => resolve(text));
  });
  assert.match(garbage, /^HTTP\/1\.1 400 Bad Request/);
  r = await query({ statement: 'RETURN 42 AS answer' });
  assert.deepEqual(r.json.data.values, [[42]]);
});

// Just enough PackStream to speak Bolt from a raw socket: strings, small
// maps and structures, each message in one chunk.
const packString = (text) => {
  const bytes = Buffer.from(text);
  const head = bytes.length < 16 ? Buffer.from([0x80 + bytes.length])
    : bytes.length < 256 ? Buffer.from([0xd0, bytes.length]) : Buffer.from([0xd1, bytes.length >> 8, bytes.length & 255]);
  return Buffer.concat([head, bytes]);
};
const packMap = (entries) => Buffer.concat([Buffer.from([0xa0 + entries.length]),
  ...entries.flatMap(([k, v]) => [packString(k), typeof v === 'string' ? packString(v) : Buffer.from([v & 255])])]);
const boltMessage = (tag, ...fields) => {
  const body = Buffer.concat([Buffer.from([0xb0 + fields.length, tag]), ...fields]);
  return Buffer.concat([Buffer.from([body.length >> 8, body.length & 255]), body, Buffer.from([0, 0])]);
};

test('a silent client, an idle one, one that reads nothing, 500 at once: each dealt with, the others served', async () => {
  const strict = startServer(['--idle-timeout', '1']);
  const { bolt } = await strict.port;
  const d = neo4j.driver(`bolt://127.0.0.1:${bolt}`, neo4j.auth.basic('anyone', 'anything'));
  const answer = async () => (await d.executeQuery('RETURN 42 AS answer')).records[0].get('answer').toNumber();
  // Resolves with the milliseconds until the server hangs up.
  const closedAfter = (socket) => new Promise((resolve) => {
    const started = Date.now();
    socket.on('error', () => {});
    socket.on('close', () => resolve(Date.now() - started));
    socket.resume();  // flowing, or the hang-up is never heard
  });
  try {
    const silent = net.connect(bolt, '127.0.0.1');
    const idle = net.connect(bolt, '127.0.0.1', () => idle.write(handshake));
    // Asks for a large answer, then never reads: the server's writes stall.
    const stalled = net.connect(bolt, '127.0.0.1', () => {
      stalled.write(Buffer.concat([
        handshake,
        boltMessage(0x01, packMap([['user_agent', 'slow/1']])),
        boltMessage(0x6a, packMap([['scheme', 'none']])),
        boltMessage(0x10, packString("UNWIND range(1, 3000000) AS x RETURN x, 'a row long enough to fill buffers' AS pad"),
                    packMap([]), packMap([])),
        boltMessage(0x3f, packMap([['n', -1]])),
      ]));
      stalled.pause();
    });
    const times = Promise.all([closedAfter(silent), closedAfter(idle)]);
    const stalledClosed = closedAfter(stalled);
    assert.equal(await answer(), 42);  // served meanwhile
    const [silentMs, idleMs] = await times;
    for (const ms of [silentMs, idleMs]) assert.ok(ms >= 900 && ms < 5000, `closed after ${ms} ms`);
    // A paused socket hears nothing of the hang-up: watch the log, then read what is left.
    const stalledStart = Date.now();
    while (!/did not read its answers/.test(strict.log()) && Date.now() - stalledStart < 30000) {
      await new Promise((r) => setTimeout(r, 100));
    }
    stalled.resume();
    await stalledClosed;
    // 500 connections at once, each through the handshake, then all gone.
    const many = await Promise.all(Array.from({ length: 500 }, () => new Promise((resolve, reject) => {
      const socket = net.connect(bolt, '127.0.0.1', () => socket.write(handshake));
      socket.once('data', (data) => resolve([socket, data]));
      socket.on('error', reject);
    })));
    for (const [, data] of many) assert.deepEqual(data, Buffer.from('00000405', 'hex'));
    assert.equal(await answer(), 42);
    for (const [socket] of many) socket.destroy();
    assert.equal(await answer(), 42);
  } finally {
    await d.close();
  }
  assert.equal(await stopServer(strict), 0);
  const log = strict.log();
  assert.match(log, /closed after \d+ ms: no handshake within 1 s/);
  assert.match(log, /closed after \d+ ms, 0 queries: idle for 1 s \(--idle-timeout\)/);
  assert.match(log, /closed after \d+ ms, 1 query: did not read its answers for 1 s \(--idle-timeout\)/);
});

test('--max-connections: a client beyond the limit is disconnected, the others are served', async () => {
  const small = startServer(['--max-connections', '2']);
  const { bolt } = await small.port;
  // Opens a Bolt connection and resolves once the handshake is answered
  // (with the socket, still open) or the server hangs up (with null).
  const open = () => new Promise((resolve, reject) => {
    const socket = net.connect(bolt, '127.0.0.1');
    socket.on('connect', () => socket.write(handshake));
    socket.once('data', (d) => { assert.deepEqual(d, Buffer.from('00000405', 'hex')); resolve(socket); });
    // Closed unread, the handshake we sent makes the hang-up a reset.
    socket.on('error', (e) => (e.code === 'ECONNRESET' ? resolve(null) : reject(e)));
    socket.on('close', () => resolve(null));
  });
  const first = await open(), second = await open();
  assert.ok(first && second);
  assert.equal(await open(), null);
  first.destroy();
  await new Promise((r) => setTimeout(r, 200));
  const third = await open();
  assert.ok(third);
  third.destroy();
  second.destroy();
  const exit = new Promise((resolve) => small.child.on('exit', resolve));
  small.child.kill('SIGTERM');
  assert.equal(await exit, 0);
  assert.match(small.log(), /refused a Bolt connection from 127\.0\.0\.1:\d+: 2 connections are open \(--max-connections\)/);
});

test('--timeout, --max-memory and --max-query-length: the statement ends with Neo4j\'s error, the session goes on',
     async () => {
  const limited = startServer(['--timeout', '0.3', '--max-memory', '1M', '--max-query-length', '200']);
  const { bolt } = await limited.port;
  const d = neo4j.driver(`bolt://127.0.0.1:${bolt}`, neo4j.auth.basic('anyone', 'anything'));
  const session = d.session();
  try {
    const code = async (query) => {
      try {
        await session.run(query);
        return 'no error';
      } catch (e) {
        return e.code;
      }
    };
    assert.equal(await code('UNWIND range(1, 1000000000) AS x WITH x WHERE x < 0 RETURN count(*)'),
                 'Neo.ClientError.Transaction.TransactionTimedOut');
    assert.equal(await code('UNWIND range(1, 1000000) AS x RETURN collect(x)'),
                 'Neo.TransientError.General.MemoryPoolOutOfMemoryError');
    assert.equal(await code('RETURN 1' + ' + 1'.repeat(100)), 'Neo.ClientError.Statement.SyntaxError');
    const rows = await session.run('RETURN 41 + 1 AS answer');
    assert.equal(rows.records[0].get('answer').toNumber(), 42);
  } finally {
    await session.close();
    await d.close();
  }
  const exit = new Promise((resolve) => limited.child.on('exit', resolve));
  limited.child.kill('SIGTERM');
  assert.equal(await exit, 0);
});

let failed = await runCases(cases);
await driver.close();

// SIGTERM: a clean stop, with the log lines the docs promise.
const exit = new Promise((resolve) => server.child.on('exit', (code, signal) => resolve({ code, signal })));
server.child.kill('SIGTERM');
const { code } = await exit;
try {
  assert.equal(code, 0);
  const log = server.log();
  assert.match(log, /stopping \(SIGTERM\)/);
  assert.match(log, /\nergo serve: stopped\n/);
  if (!process.env.ERGO_CASES) {  // every case ran: their lines are there
    assert.match(log, /bolt-\d+ 127\.0\.0\.1:\d+ closed after \d+ ms, \d+ queries \(\d+ failed\)/);
    assert.match(log, /bolt-\d+: query failed: Neo\.ClientError\.Statement\.SyntaxError: <query>:2:1: error: unexpected 'RETRUN'/);
  }
  console.log('ok - SIGTERM stops the server cleanly, and it logged connections and failed queries');
} catch (e) {
  failed++;
  console.log(`not ok - clean stop\n${e.stack}\n--- server log ---\n${server.log()}`);
}
console.log(failed ? `${failed} failed` : `all ${cases.length + 1} passed`);
process.exit(failed ? 1 : 0);
