// ergo serve's page: runs the editor's query through the Query API
// (POST /db/neo4j/query/v2), shows the answer as a table, and, when it holds
// nodes or relationships, as the diagram ergo's renderer draws (POST /render).
//
// Safety: everything from the server or the user goes into the page as text
// (textContent, never innerHTML). The one piece of markup, the SVG diagram,
// is parsed as XML and only known drawing elements and attributes are
// copied in; the page's Content-Security-Policy (http_connection.cpp) also
// forbids any script but this file.
'use strict';

const HISTORY_KEY = 'ergo.history';
const HISTORY_MAX = 50;

const $ = (id) => document.getElementById(id);

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

async function showDiagram(statement) {
  const note = $('diagram-note');
  const box = $('diagram');
  box.replaceChildren();
  note.textContent = 'Drawing…';
  const response = await fetch('/render', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ statement, korean: true }),
  });
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    const e = body && body.errors && body.errors[0];
    note.textContent = 'No diagram: ' + (e ? e.message : `the server answered ${response.status}`);
    return false;
  }
  const svg = cleanSvg(await response.text());
  if (!svg) {
    note.textContent = 'No diagram: the server sent an SVG this page could not read.';
    return false;
  }
  note.textContent = 'Drawn by ergo\u2019s renderer (Graphviz); hover over a node or arrow for its properties.';
  box.replaceChildren(svg);
  return true;
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
    showTable(fields, values);
    $('answer').hidden = false;
    const changed = describeCounters(body.counters);
    status.textContent = [plural(values.length, 'row', 'rows'), changed, `${ms} ms`].filter(Boolean).join(' · ');
    const graph = values.some((row) => row.some(holdsGraph));
    $('tab-diagram').disabled = !graph;
    $('diagram').replaceChildren();  // the last answer's diagram is not this one's
    $('diagram-note').textContent = '';
    selectTab('table');
    if (graph && !(body.counters && body.counters.containsUpdates)) {
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
  $('query').focus();
});
