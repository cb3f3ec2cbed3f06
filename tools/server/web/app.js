// ergo serve's page: runs the editor's query through the Query API
// (POST /db/neo4j/query/v2), shows the answer as a table, and, when it holds
// nodes or relationships, as the diagram ergo's renderer draws (POST /render);
// a click on a node draws its neighbours too. Beside it: a search box over
// names and aliases, the schema (labels, relationship types, property keys),
// the history; beside the tabs, downloads of the answer (CSV, JSON, SVG, PNG).
//
// Safety: everything from the server or the user goes into the page as text
// (textContent, never innerHTML). The one piece of markup, the SVG diagram,
// is parsed as XML and only known drawing elements and attributes are
// copied in; the page's Content-Security-Policy (http_connection.cpp) also
// forbids any script but this file.
'use strict';

const HISTORY_KEY = 'ergo.history';
const HISTORY_MAX = 50;
const SEARCH_MAX = 20;

const $ = (id) => document.getElementById(id);

// A statement through the Query API, for the page's own questions (search,
// schema): resolves with {fields, values}, rejects with the server's message.
async function ask(statement, parameters = {}) {
  const response = await fetch('/db/neo4j/query/v2', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ statement, parameters }),
  });
  const body = await response.json();
  if (!response.ok) {
    const e = body.errors && body.errors[0];
    throw new Error(e ? e.message : `the server answered ${response.status}`);
  }
  return body.data;
}

// Puts a statement in the editor and runs it, as if typed.
function runStatement(statement) {
  $('query').value = statement;
  return run();
}

// ---- values as text ----------------------------------------------------

const isNode = (v) => v && typeof v === 'object' && !Array.isArray(v) && 'elementId' in v && 'labels' in v;
const isRelationship = (v) => v && typeof v === 'object' && !Array.isArray(v) && 'elementId' in v && 'type' in v &&
  'startNodeElementId' in v;
// The Query API writes a path as its nodes and relationships in turn.
const isPath = (v) => Array.isArray(v) && v.length >= 3 && v.length % 2 === 1 &&
  v.every((x, i) => (i % 2 ? isRelationship(x) : isNode(x)));

function quote(s) {
  return "'" + s.replace(/\\/g, '\\\\').replace(/'/g, "\\'") + "'";
}

function key(k) {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : '`' + k.replace(/`/g, '``') + '`';
}

// A value as Cypher writes it; strings quoted inside lists and maps.
function literal(v) {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return quote(v);
  if (typeof v !== 'object') return String(v);
  if (isPath(v)) return pathText(v);
  if (isNode(v)) return nodeText(v);
  if (isRelationship(v)) return '[' + relationshipInner(v) + ']';
  if (Array.isArray(v)) return '[' + v.map(literal).join(', ') + ']';
  return '{' + Object.entries(v).map(([k, x]) => key(k) + ': ' + literal(x)).join(', ') + '}';
}

// A node by its labels and name: the whole property map is in the cell's tooltip.
function nodeText(n) {
  const labels = n.labels.map((l) => ':' + key(l)).join('');
  const name = n.properties && n.properties.name !== undefined ? ' {name: ' + literal(n.properties.name) + '}' : '';
  return '(' + labels + name + ')';
}

function relationshipInner(r) {
  return ':' + key(r.type);
}

function pathText(p) {
  let out = nodeText(p[0]);
  for (let i = 1; i < p.length; i += 2) {
    const forward = p[i].startNodeElementId === p[i - 1].elementId;
    out += (forward ? '-[' : '<-[') + relationshipInner(p[i]) + (forward ? ']->' : ']-') + nodeText(p[i + 1]);
  }
  return out;
}

// A cell's text: a string as it is, anything else as Cypher writes it.
function cellText(v) {
  return typeof v === 'string' ? v : literal(v);
}

function holdsGraph(v) {
  if (isNode(v) || isRelationship(v)) return true;
  if (Array.isArray(v)) return v.some(holdsGraph);
  if (v && typeof v === 'object') return Object.values(v).some(holdsGraph);
  return false;
}

// ---- history -----------------------------------------------------------

function loadHistory() {
  try {
    const list = JSON.parse(localStorage.getItem(HISTORY_KEY) || '[]');
    return Array.isArray(list) ? list.filter((q) => typeof q === 'string') : [];
  } catch {
    return [];  // storage disabled or garbled: start afresh
  }
}

function remember(query) {
  const list = [query, ...loadHistory().filter((q) => q !== query)].slice(0, HISTORY_MAX);
  try {
    localStorage.setItem(HISTORY_KEY, JSON.stringify(list));
  } catch {
    // Storage disabled: the history lasts as long as the page.
  }
  showHistory(list);
}

function showHistory(list) {
  const ol = $('history');
  ol.replaceChildren(...list.map((q) => {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    const text = document.createElement('span');
    text.textContent = q;
    b.append(text);
    b.title = q;
    b.addEventListener('click', () => {
      const editor = $('query');
      editor.value = q;
      editor.focus();
    });
    li.append(b);
    return li;
  }));
  $('history-empty').hidden = list.length > 0;
}

// ---- errors ------------------------------------------------------------

function showError(code, message) {
  $('error-code').textContent = code;
  $('error-message').textContent = message;
  $('error').hidden = false;
  // ergo's messages begin "<query>:LINE:COLUMN:": put the cursor on the spot.
  const at = /^<query>:(\d+):(\d+):/.exec(message);
  if (at) {
    const editor = $('query');
    const lines = editor.value.split('\n');
    const line = Math.min(Number(at[1]), lines.length);
    let offset = 0;
    for (let i = 0; i < line - 1; i++) offset += lines[i].length + 1;
    offset += Math.min(Number(at[2]) - 1, lines[line - 1].length);
    editor.focus();
    editor.setSelectionRange(offset, offset);
    return `error at line ${at[1]}, column ${at[2]}`;
  }
  return 'error';
}

// ---- the table ---------------------------------------------------------

function showTable(fields, values) {
  const head = document.createElement('tr');
  for (const f of fields) {
    const th = document.createElement('th');
    th.textContent = f;
    head.append(th);
  }
  const rows = values.map((row) => {
    const tr = document.createElement('tr');
    for (const v of row) {
      const td = document.createElement('td');
      td.textContent = cellText(v);
      if (typeof v === 'number') td.className = 'number';
      if (v === null) td.className = 'null';
      if (isNode(v) || isRelationship(v)) td.title = literal(v.properties);
      tr.append(td);
    }
    return tr;
  });
  const table = $('table');
  table.tHead.replaceChildren(head);
  table.tBodies[0].replaceChildren(...rows);
}

// ---- the diagram -------------------------------------------------------

// What may come into the page from the renderer's SVG: Graphviz's drawing
// elements, and attributes that only draw. Anything else is dropped.
const SVG_ELEMENTS = new Set(['svg', 'g', 'title', 'desc', 'path', 'polygon', 'polyline', 'ellipse', 'circle', 'rect',
  'line', 'text', 'tspan', 'a', 'defs', 'linearGradient', 'radialGradient', 'stop']);
const SVG_ATTRIBUTES = new Set(['width', 'height', 'viewBox', 'preserveAspectRatio', 'class', 'id', 'transform',
  'points', 'd', 'cx', 'cy', 'rx', 'ry', 'r', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'dx', 'dy', 'fill', 'fill-opacity',
  'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'opacity', 'font-family', 'font-size',
  'font-weight', 'font-style', 'text-anchor', 'text-decoration', 'offset', 'stop-color', 'stop-opacity',
  'gradientUnits']);

function cleanSvg(text) {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.nodeName !== 'svg' || doc.getElementsByTagName('parsererror').length) return null;
  const copy = (from) => {
    // Graphviz puts a tooltip on an <a xlink:title>, which browsers do not
    // show; a group with a <title> shows it and is no link.
    const link = from.localName === 'a';
    const to = document.createElementNS('http://www.w3.org/2000/svg', link ? 'g' : from.localName);
    for (const a of from.attributes) {
      if (SVG_ATTRIBUTES.has(a.name)) to.setAttribute(a.name, a.value);
    }
    const tip = link && from.getAttribute('xlink:title');
    if (tip) {
      const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
      title.textContent = tip;
      to.append(title);
    }
    for (const child of from.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) to.append(document.createTextNode(child.nodeValue));
      else if (child.nodeType === Node.ELEMENT_NODE && SVG_ELEMENTS.has(child.localName)) to.append(copy(child));
    }
    return to;
  };
  const svg = copy(root);
  // Graphviz sizes the drawing in points for print; on a screen half as
  // large again reads better (the style sheet still fits it to the width).
  const grow = (v) => (/^[\d.]+pt$/.test(v || '') ? `${(parseFloat(v) * 1.5 * 4 / 3).toFixed(0)}px` : v);
  for (const a of ['width', 'height']) if (svg.hasAttribute(a)) svg.setAttribute(a, grow(svg.getAttribute(a)));
  return svg;
}

// The diagram on show: the renderer's SVG as it came (for the SVG and PNG
// downloads), the statement and parameters that drew it, the ids of the
// nodes drawn (from their <title>s, "n" and the id) and the nodes whose
// neighbours a click has added.
let drawing = null;
let drawingBusy = false;

const DIAGRAM_HELP = 'Click a node to add its neighbours; hover over a node or arrow for its properties.';

// Everything drawn, plus the neighbours of node $expand, with every
// relationship among them. A read, so POST /render may run it.
const EXPAND_STATEMENT = `OPTIONAL MATCH (x) WHERE id(x) = $expand
OPTIONAL MATCH (x)--(y)
WITH collect(DISTINCT id(y)) + $ids AS shown
MATCH (n) WHERE id(n) IN shown
OPTIONAL MATCH (n)-[r]->(m) WHERE id(m) IN shown
RETURN n, r, m`;

async function fetchSvg(statement, parameters) {
  const response = await fetch('/render', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ statement, parameters, korean: true }),
  });
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    const e = body && body.errors && body.errors[0];
    return { error: 'No diagram: ' + (e ? e.message : `the server answered ${response.status}`) };
  }
  const text = await response.text();
  const svg = cleanSvg(text);
  if (!svg) return { error: 'No diagram: the server sent an SVG this page could not read.' };
  return { text, svg };
}

const nodeId = (g) => {
  const t = g.querySelector(':scope > title');
  const m = t && /^n(\d+)$/.exec(t.textContent);
  return m ? Number(m[1]) : null;
};
const nodeName = (g) => {
  const t = g.querySelector('text');
  return t ? t.textContent : `node ${nodeId(g)}`;
};

function placeSvg(svg) {
  for (const g of svg.querySelectorAll('g.node')) {
    const id = nodeId(g);
    if (id === null) continue;
    g.classList.add('expandable');
    if (drawing && drawing.expanded.has(id)) g.classList.add('expanded');
    g.addEventListener('click', () => expand(id, nodeName(g)));
  }
  // Fitted to the width, but never below half its size: past that a large
  // drawing scrolls instead of shrinking into unreadable text.
  const width = parseFloat(svg.getAttribute('width') || '');
  if (width > 0) svg.style.minWidth = `${Math.round(width / 2)}px`;
  $('diagram').replaceChildren(svg);
  $('download-svg').disabled = false;
  $('download-png').disabled = false;
}

function drawnIds(svg) {
  return [...svg.querySelectorAll('g.node')].map(nodeId).filter((id) => id !== null);
}

function clearDiagram(note = '') {
  drawing = null;
  $('diagram').replaceChildren();
  $('diagram-note').textContent = note;
  $('diagram-reset').hidden = true;
  $('download-svg').disabled = true;
  $('download-png').disabled = true;
}

async function showDiagram(statement, parameters = {}) {
  clearDiagram('Drawing…');
  const got = await fetchSvg(statement, parameters);
  if (got.error) {
    $('diagram-note').textContent = got.error;
    return false;
  }
  drawing = { statement, parameters, text: got.text, ids: drawnIds(got.svg), expanded: new Set(),
              answer: { statement, parameters } };
  $('diagram-note').textContent = 'Drawn by ergo\u2019s renderer (Graphviz). ' + DIAGRAM_HELP;
  placeSvg(got.svg);
  return true;
}

// A click on a node: draw again with its neighbours and their relationships.
async function expand(id, name) {
  if (!drawing || drawingBusy) return;
  const note = $('diagram-note');
  if (drawing.expanded.has(id)) {
    note.textContent = `The neighbours of ${name} are already shown. ` + DIAGRAM_HELP;
    return;
  }
  drawingBusy = true;
  note.textContent = `Adding the neighbours of ${name}…`;
  try {
    const parameters = { expand: id, ids: drawing.ids };
    const got = await fetchSvg(EXPAND_STATEMENT, parameters);
    if (got.error) {
      note.textContent = got.error;
      return;
    }
    const before = drawing.ids.length;
    drawing = { ...drawing, statement: EXPAND_STATEMENT, parameters, text: got.text, ids: drawnIds(got.svg),
                expanded: new Set([...drawing.expanded, id]) };
    const added = drawing.ids.length - before;
    note.textContent = (added ? `Added ${plural(added, 'neighbour', 'neighbours')} of ${name}`
      : `${name} has no neighbours that were not shown`) + ` (${plural(drawing.ids.length, 'node', 'nodes')} ` +
      'drawn). ' + DIAGRAM_HELP;
    $('diagram-reset').hidden = false;
    placeSvg(got.svg);
  } catch (e) {
    note.textContent = `No diagram: the server could not be reached or answered badly: ${e.message}`;
  } finally {
    drawingBusy = false;
  }
}

// ---- tabs --------------------------------------------------------------

function selectTab(which) {
  const table = which === 'table';
  $('tab-table').setAttribute('aria-selected', String(table));
  $('tab-diagram').setAttribute('aria-selected', String(!table));
  $('table-view').hidden = !table;
  $('diagram-view').hidden = table;
}

// ---- running a query ---------------------------------------------------

function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

function describeCounters(c) {
  if (!c || !c.containsUpdates) return '';
  const parts = [];
  const say = (n, one, many) => { if (n) parts.push(plural(n, one, many)); };
  say(c.nodesCreated, 'node created', 'nodes created');
  say(c.nodesDeleted, 'node deleted', 'nodes deleted');
  say(c.relationshipsCreated, 'relationship created', 'relationships created');
  say(c.relationshipsDeleted, 'relationship deleted', 'relationships deleted');
  say(c.propertiesSet, 'property set', 'properties set');
  say(c.labelsAdded, 'label added', 'labels added');
  say(c.labelsRemoved, 'label removed', 'labels removed');
  return parts.join(', ');
}

async function run() {
  const statement = $('query').value.trim();
  if (!statement) return;
  const button = $('run');
  const status = $('status');
  button.disabled = true;
  status.textContent = 'Running…';
  $('error').hidden = true;
  const started = performance.now();
  try {
    remember(statement);
    const response = await fetch('/db/neo4j/query/v2', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ statement, includeCounters: true }),
    });
    const body = await response.json();
    const ms = Math.round(performance.now() - started);
    if (!response.ok) {
      $('answer').hidden = true;
      const e = (body.errors && body.errors[0]) || { code: `HTTP ${response.status}`, message: 'no error message' };
      status.textContent = showError(e.code, e.message);
      return;
    }
    const { fields, values } = body.data;
    currentAnswer = { fields, values };
    showTable(fields, values);
    $('answer').hidden = false;
    const changed = describeCounters(body.counters);
    status.textContent = [plural(values.length, 'row', 'rows'), changed, `${ms} ms`].filter(Boolean).join(' · ');
    const graph = values.some((row) => row.some(holdsGraph));
    const wrote = Boolean(body.counters && body.counters.containsUpdates);
    $('tab-diagram').disabled = !graph;
    clearDiagram();  // the last answer's diagram is not this one's
    selectTab('table');
    if (wrote) loadSchema();  // it may have added a label, a type or a key
    if (graph && !wrote) {
      if (await showDiagram(statement)) selectTab('diagram');
    } else if (graph) {
      $('diagram-note').textContent = 'No diagram: this statement changed the graph, and drawing it would run it ' +
        'again. Draw what it changed with a MATCH.';
    }
  } catch (e) {
    status.textContent = showError('no answer', `the server could not be reached or answered badly: ${e.message}`);
  } finally {
    button.disabled = false;
  }
}

// ---- search ------------------------------------------------------------

// Entities whose name or any alias holds the text, in any case.
const SEARCH_STATEMENT = `MATCH (n)
WHERE toLower(n.name) CONTAINS toLower($text)
   OR any(a IN coalesce(n.aliases, []) WHERE toLower(a) CONTAINS toLower($text))
RETURN id(n) AS id, n.name AS name, labels(n) AS labels, n.aliases AS aliases
ORDER BY name, id
LIMIT ${SEARCH_MAX + 1}`;
let searchTimer = null;
let searchSeq = 0;

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;

// The first alias written in Hangul, as the renderer puts under a name.
function koreanAlias(name, aliases) {
  if (!Array.isArray(aliases)) return '';
  const a = aliases.find((x) => typeof x === 'string' && HANGUL.test(x) && x !== name);
  return a || '';
}

// The statement a search result runs: the entity and its neighbourhood.
function entityStatement(id, name, labels) {
  const match = typeof name === 'string'
    ? `MATCH (n${labels.length ? ':' + key(labels[0]) : ''} {name: ${quote(name)}})`
    : `MATCH (n) WHERE id(n) = ${id}`;
  return `${match}\nOPTIONAL MATCH (n)-[r]-(m)\nRETURN n, r, m`;
}

function scheduleSearch() {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(search, 200);
}

async function search() {
  const text = $('search').value.trim();
  const seq = ++searchSeq;
  const list = $('search-results');
  const note = $('search-note');
  if (!text) {
    list.replaceChildren();
    delete list.dataset.text;
    note.textContent = 'Any name or alias, in any case, Korean too; click a result to show it with its neighbours.';
    return;
  }
  note.textContent = 'Searching…';
  let data;
  try {
    data = await ask(SEARCH_STATEMENT, { text });
  } catch (e) {
    if (seq === searchSeq) note.textContent = `No answer: ${e.message}`;
    return;
  }
  if (seq !== searchSeq) return;  // a newer search is under way
  const rows = data.values.slice(0, SEARCH_MAX);
  list.replaceChildren(...rows.map(([id, name, labels, aliases]) => {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    const n = document.createElement('span');
    n.className = 'name';
    n.textContent = typeof name === 'string' ? name : `node ${id}`;
    const ko = document.createElement('span');
    ko.className = 'ko';
    ko.textContent = koreanAlias(name, aliases);
    const l = document.createElement('span');
    l.className = 'label';
    l.textContent = labels.join(' · ');
    b.append(n, ko, l);
    b.title = [name, ...(Array.isArray(aliases) ? aliases : [])].filter((x) => typeof x === 'string').join(', ');
    b.addEventListener('click', () => runStatement(entityStatement(id, name, labels)));
    li.append(b);
    return li;
  }));
  list.dataset.text = text;  // the text these results are for
  note.textContent = data.values.length === 0 ? `Nothing is named “${text}”.`
    : data.values.length > SEARCH_MAX ? `The first ${SEARCH_MAX} matches:` : `${plural(rows.length, 'match', 'matches')}:`;
}

// ---- schema ------------------------------------------------------------

let schemaSeq = 0;

function chip(text, count, statement) {
  const li = document.createElement('li');
  const el = document.createElement(statement ? 'button' : 'span');
  const t = document.createElement('span');
  t.textContent = text;
  el.append(t);
  if (count !== undefined) {
    const c = document.createElement('span');
    c.className = 'count';
    c.textContent = String(count);
    el.append(c);
  }
  if (statement) {
    el.type = 'button';
    el.title = statement;
    el.addEventListener('click', () => runStatement(statement));
  }
  li.append(el);
  return li;
}

// Labels, relationship types and property keys, from the db.* procedures;
// labels and types with their counts (one pass over the graph each).
async function loadSchema() {
  const seq = ++schemaSeq;
  const note = $('schema-note');
  try {
    const [labels, types, keys, labelCounts, typeCounts] = await Promise.all([
      ask('CALL db.labels()'), ask('CALL db.relationshipTypes()'), ask('CALL db.propertyKeys()'),
      ask('MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS count'),
      ask('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count'),
    ]);
    if (seq !== schemaSeq) return;
    const counts = (data) => new Map(data.values.map(([k, c]) => [k, c]));
    const nodes = counts(labelCounts);
    const rels = counts(typeCounts);
    $('schema-labels').replaceChildren(...labels.values.map(([l]) =>
      chip(l, nodes.get(l) ?? 0, `MATCH (n:${key(l)}) RETURN n LIMIT 25`)));
    $('schema-types').replaceChildren(...types.values.map(([t]) =>
      chip(t, rels.get(t) ?? 0, `MATCH p = ()-[:${key(t)}]->() RETURN p LIMIT 25`)));
    $('schema-keys').replaceChildren(...keys.values.map(([k]) => chip(k)));
    $('schema-labels-count').textContent = String(labels.values.length);
    $('schema-types-count').textContent = String(types.values.length);
    $('schema-keys-count').textContent = String(keys.values.length);
    note.textContent = 'Click a label for its nodes, a type for its relationships.';
  } catch (e) {
    if (seq === schemaSeq) note.textContent = `No schema: ${e.message}`;
  }
}

// ---- downloads ---------------------------------------------------------

let currentAnswer = null;

function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

// RFC 4180: a field with a comma, a quote or a line break is quoted, its
// quotes doubled; records end with CRLF. null is an empty field; other
// values are written as in the table.
function csvField(v) {
  const text = v === null || v === undefined ? '' : cellText(v);
  return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

function answerCsv({ fields, values }) {
  return [fields, ...values].map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

function answerJson({ fields, values }) {
  return JSON.stringify({ fields, values }, null, 2) + '\n';
}

// The SVG drawn on a canvas at twice its size, on white. The image comes
// from a data: URL, which the page's policy allows (img-src 'self' data:).
function svgToPng(text) {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      // Graphviz gives the size in points; a point is 4/3 of a CSS pixel.
      const css = (a, natural) => {
        const m = new RegExp(`<svg[^>]*\\s${a}="([\\d.]+)pt"`).exec(text);
        return m ? parseFloat(m[1]) * 4 / 3 : natural;
      };
      const w = css('width', img.naturalWidth);
      const h = css('height', img.naturalHeight);
      const scale = Math.min(2, 16000 / Math.max(w, h, 1));  // canvases stop somewhat past 16,000 pixels
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(w * scale);
      canvas.height = Math.ceil(h * scale);
      const g = canvas.getContext('2d');
      g.fillStyle = '#ffffff';
      g.fillRect(0, 0, canvas.width, canvas.height);
      g.drawImage(img, 0, 0, canvas.width, canvas.height);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas made no PNG'))), 'image/png');
    };
    img.onerror = () => reject(new Error('the SVG could not be drawn'));
    img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(text);
  });
}

async function download(kind) {
  const status = $('status');
  try {
    if (kind === 'csv' && currentAnswer) {
      save(new Blob([answerCsv(currentAnswer)], { type: 'text/csv;charset=utf-8' }), 'ergo-answer.csv');
    } else if (kind === 'json' && currentAnswer) {
      save(new Blob([answerJson(currentAnswer)], { type: 'application/json' }), 'ergo-answer.json');
    } else if (kind === 'svg' && drawing) {
      save(new Blob([drawing.text], { type: 'image/svg+xml' }), 'ergo-diagram.svg');
    } else if (kind === 'png' && drawing) {
      save(await svgToPng(drawing.text), 'ergo-diagram.png');
    }
  } catch (e) {
    status.textContent = `No ${kind.toUpperCase()}: ${e.message}`;
  }
}

document.addEventListener('DOMContentLoaded', () => {
  showHistory(loadHistory());
  $('query-form').addEventListener('submit', (e) => { e.preventDefault(); run(); });
  $('query').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      run();
    }
  });
  $('tab-table').addEventListener('click', () => selectTab('table'));
  $('tab-diagram').addEventListener('click', () => selectTab('diagram'));
  $('diagram-reset').addEventListener('click', () => {
    if (drawing && !drawingBusy) showDiagram(drawing.answer.statement, drawing.answer.parameters);
  });
  for (const kind of ['csv', 'json', 'svg', 'png']) {
    $(`download-${kind}`).addEventListener('click', () => download(kind));
  }
  $('search').addEventListener('input', scheduleSearch);
  $('schema-refresh').addEventListener('click', loadSchema);
  loadSchema();
  $('query').focus();
});
