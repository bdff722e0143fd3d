// The page of the web API: no framework, no build step. Every POST declares JSON, which the
// server requires (a browser sends it across sites only after a preflight the server refuses).
'use strict';

const $ = (id) => document.getElementById(id);
const SVG = 'http://www.w3.org/2000/svg';
let currentRun = null;
let currentEvents = null;

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([key, value]) => {
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.substring(2), value);
    else node.setAttribute(key, value);
  });
  children.forEach((child) => node.append(child));
  return node;
}

function showError(message) {
  const box = $('error');
  box.textContent = message;
  box.hidden = false;
  clearTimeout(showError.timer);
  showError.timer = setTimeout(() => { box.hidden = true; }, 8000);
}

async function api(method, path, body) {
  const options = { method, headers: { 'Accept': 'application/json' } };
  if (method === 'POST') {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body || {});
  }
  const response = await fetch(path, options);
  const type = response.headers.get('Content-Type') || '';
  const payload = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const detail = payload && payload.detail ? payload.detail : response.status + ' ' + response.statusText;
    const problems = payload && payload.problems ? payload.problems.map((p) =>
      (p.line ? 'line ' + p.line + ': ' : '') + p.message).join('; ') : '';
    throw new Error(detail + (problems && !detail.includes(problems) ? ' — ' + problems : ''));
  }
  return payload;
}

function source() {
  const workflow = $('workflow').value.trim();
  return { uri: $('uri').value.trim(), workflow: workflow === '' ? null : workflow };
}

// ------------------------------------------------------------------ health and schemes

async function health() {
  const badge = $('health');
  try {
    const response = await fetch('api/health');
    const report = await response.json();
    badge.textContent = report.status === 'UP' ? 'healthy' : 'unhealthy';
    badge.className = 'badge ' + (report.status === 'UP' ? 'up' : 'down');
    badge.title = (report.checks || []).map((c) => c.name + ': ' + c.status + ' — ' + c.detail).join('\n');
  } catch (e) {
    badge.textContent = 'unreachable';
    badge.className = 'badge down';
  }
}

async function schemes() {
  const doc = await api('GET', 'api/schemes');
  const body = $('plugins').querySelector('tbody');
  body.replaceChildren(...doc.plugins.map((p) => element('tr', {},
    element('td', {}, p.schemes.join(', ')), element('td', {}, String(p.plugin || '')),
    element('td', {}, String(p.bundle || '')), element('td', {}, String(p.ranking)))));
  $('allowed').textContent = doc.allowed.join(', ');
}

// ------------------------------------------------------------------ the graph

function layout(graph) {
  const nodes = [{ id: '__start__', name: 'start', type: 'pseudo' }, ...graph.nodes,
    { id: '__end__', name: 'end', type: 'pseudo' }];
  const edges = [{ from: '__start__', to: graph.entry, label: null }, ...graph.edges];
  const level = new Map([['__start__', 0]]);
  const queue = ['__start__'];
  while (queue.length > 0) {
    const id = queue.shift();
    edges.filter((e) => e.from === id && e.to !== '__end__').forEach((e) => {
      if (!level.has(e.to)) { level.set(e.to, level.get(id) + 1); queue.push(e.to); }
    });
  }
  let deepest = Math.max(...level.values());
  nodes.forEach((n) => { if (!level.has(n.id) && n.id !== '__end__') level.set(n.id, ++deepest); });
  level.set('__end__', deepest + 1);
  const rows = new Map();
  nodes.forEach((n) => { const l = level.get(n.id); rows.set(l, [...(rows.get(l) || []), n]); });
  const width = Math.max(...[...rows.values()].map((r) => r.length)) * 170 + 40;
  const position = new Map();
  rows.forEach((row, l) => row.forEach((n, i) => position.set(n.id, {
    x: (width - row.length * 170) / 2 + i * 170 + 85, y: 30 + l * 80 })));
  return { nodes, edges, position, width, height: (deepest + 2) * 80 + 10, level };
}

function drawGraph(graph, done) {
  const shape = layout(graph);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 ' + shape.width + ' ' + shape.height);
  svg.setAttribute('width', shape.width);
  svg.setAttribute('data-workflow', graph.name);
  const make = (tag, attributes, text) => {
    const node = document.createElementNS(SVG, tag);
    Object.entries(attributes).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const defs = make('defs', {});
  const marker = make('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto' });
  marker.append(make('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#6b7380' }));
  defs.append(marker);
  svg.append(defs);
  shape.edges.forEach((e) => {
    const a = shape.position.get(e.from);
    const b = shape.position.get(e.to);
    if (!a || !b) return;
    const back = shape.level.get(e.to) <= shape.level.get(e.from);
    const path = back
      ? 'M' + (a.x + 60) + ',' + a.y + ' C' + (a.x + 140) + ',' + a.y + ' ' + (b.x + 140) + ',' + b.y + ' ' + (b.x + 60) + ',' + b.y
      : 'M' + a.x + ',' + (a.y + 16) + ' L' + b.x + ',' + (b.y - 16);
    svg.append(make('path', { d: path, class: 'edge' + (back ? ' back' : '') }));
    if (e.label) {
      svg.append(make('text', { x: (a.x + b.x) / 2 + (back ? 95 : 6), y: (a.y + b.y) / 2, class: 'label' }, e.label));
    }
  });
  shape.nodes.forEach((n) => {
    const p = shape.position.get(n.id);
    const group = make('g', { class: 'node ' + n.type + (done && done.includes(n.id) ? ' done' : ''), 'data-node': n.id });
    group.append(make('rect', { x: p.x - 70, y: p.y - 16, width: 140, height: 32, rx: n.type === 'pseudo' ? 16 : 4 }));
    group.append(make('text', { x: p.x, y: p.y + 4, 'text-anchor': 'middle' }, n.name || n.id));
    svg.append(group);
  });
  $('graph').replaceChildren(svg);
}

async function draw(event) {
  if (event) event.preventDefault();
  const { uri, workflow } = source();
  const query = 'uri=' + encodeURIComponent(uri) + (workflow ? '&workflow=' + encodeURIComponent(workflow) : '');
  try {
    const graph = await api('GET', 'api/graph?format=json&' + query);
    drawGraph(graph);
    $('mermaid').textContent = await (await fetch('api/graph?format=mermaid&' + query)).text();
    draw.graph = graph;
  } catch (e) {
    showError(e.message);
  }
}

async function validate() {
  try {
    const doc = await api('POST', 'api/validate', source());
    $('validation').replaceChildren(element('p', { class: doc.valid ? 'status-COMPLETED' : 'problem' },
      doc.valid ? 'valid' : 'invalid'), ...doc.problems.map((p) => element('div', { class: 'problem' },
      p.severity + (p.line ? ' at line ' + p.line + ', column ' + p.column : '') + ': ' + p.message)));
  } catch (e) {
    showError(e.message);
  }
}

// ------------------------------------------------------------------ runs and their events

function showResult(doc) {
  $('run-status').replaceChildren(element('span', { class: 'status-' + doc.status, id: 'run-state' }, doc.status),
    ' thread ' + doc.threadId + (doc.error ? ' — ' + doc.error.message : ''));
  if (doc.state) $('result').textContent = JSON.stringify(doc.state, null, 2);
  if (draw.graph) drawGraph(draw.graph, doc.history);
}

function describe(name, data) {
  switch (name) {
    case 'run-started': return (data.resumed ? 'resumed ' : 'started ') + data.workflow + ' at ' + data.entryNode;
    case 'node-started': return '> ' + data.node + ' [' + data.type + '] #' + data.iteration;
    case 'node-completed': return '< ' + data.node + ' ' + data.millis + ' ms ' + JSON.stringify(data.updates);
    case 'node-failed': return '! ' + data.node + ' failed: ' + data.message;
    case 'warning': return 'warning: ' + data.message;
    case 'interrupted': return '? ' + data.node + ' waits: ' + data.prompt;
    case 'tokens-used': return '$ ' + data.node + (data.member ? ' (' + data.member + ')' : '') + ': '
      + data.inputTokens + ' input and ' + data.outputTokens + ' output tokens';
    default: return 'finished ' + data.status;
  }
}

function follow(threadId) {
  if (currentEvents) currentEvents.close();
  currentRun = threadId;
  const list = $('events');
  const source = new EventSource('api/runs/' + encodeURIComponent(threadId) + '/events');
  currentEvents = source;
  let answer = null;
  source.addEventListener('agent-token', (message) => {
    const data = JSON.parse(message.data);
    if (!answer) {
      answer = element('li', { class: 'agent-token' }, '| ');
      list.append(answer);
    }
    answer.append(data.text);
    list.scrollTop = list.scrollHeight;
  });
  ['run-started', 'node-started', 'node-completed', 'node-failed', 'warning', 'interrupted', 'tokens-used',
    'run-finished']
    .forEach((name) => source.addEventListener(name, (message) => {
      answer = null;
      const data = JSON.parse(message.data);
      const kind = name === 'node-failed' ? 'failed' : name;
      list.append(element('li', { class: kind }, describe(name, data)));
      list.scrollTop = list.scrollHeight;
      if (name === 'run-finished') {
        source.close();
        showResult(data);
        inbox();
      }
    }));
  source.onerror = () => { if (source.readyState === EventSource.CLOSED) currentEvents = null; };
}

async function start(event) {
  event.preventDefault();
  let state;
  try {
    state = $('state').value.trim() === '' ? {} : JSON.parse($('state').value);
  } catch (e) {
    showError('The state is not JSON: ' + e.message);
    return;
  }
  try {
    const doc = await api('POST', 'api/runs?wait=false', { ...source(), state, dryRun: $('dry-run').checked });
    $('events').replaceChildren();
    $('result').textContent = '';
    showResult(doc);
    follow(doc.threadId);
  } catch (e) {
    showError(e.message);
  }
}

// ------------------------------------------------------------------ the inbox

function answers(item) {
  if (item.choices && item.choices.length > 0) {
    return item.choices.map((choice) => ({ label: String(choice), value: choice }));
  }
  if (['approval', 'confirmation'].includes(item.type)) {
    return [{ label: 'Approve', value: true }, { label: 'Reject', value: false, reject: true }];
  }
  return null;
}

async function answer(item, value) {
  try {
    const doc = await api('POST', 'api/threads/' + encodeURIComponent(item.threadId) + '/resume', { response: value });
    showResult(doc);
    $('events').append(element('li', {}, 'answered ' + item.threadId + ': ' + JSON.stringify(value) + ' → ' + doc.status));
  } catch (e) {
    showError(e.message);
  }
  inbox();
}

async function cancel(item) {
  try {
    showResult(await api('POST', 'api/runs/' + encodeURIComponent(item.threadId) + '/cancel'));
  } catch (e) {
    showError(e.message);
  }
  inbox();
}

function since(seconds) {
  if (seconds === null || seconds === undefined) return '';
  if (seconds < 60) return seconds + ' s';
  if (seconds < 3600) return Math.floor(seconds / 60) + ' min';
  return Math.floor(seconds / 3600) + ' h';
}

async function inbox() {
  let doc;
  try {
    doc = await api('GET', 'api/threads?status=interrupted');
  } catch (e) {
    return;
  }
  $('inbox-count').textContent = doc.threads.length;
  // the same runs as before: only their ages change (the buttons stay where the user points)
  const ids = doc.threads.map((item) => item.threadId).join(' ');
  if (ids === inbox.shown) {
    doc.threads.forEach((item) => {
      const age = document.querySelector('#inbox li[data-thread="' + CSS.escape(item.threadId) + '"] .age');
      if (age) age.textContent = 'waiting ' + since(item.ageSeconds);
    });
    return;
  }
  inbox.shown = ids;
  $('inbox').replaceChildren(...doc.threads.map((item) => {
    const buttons = answers(item);
    const actions = element('div', { class: 'actions' });
    if (buttons) {
      buttons.forEach((b) => actions.append(element('button', { type: 'button', class: 'answer' + (b.reject ? ' reject' : ''),
        'data-value': JSON.stringify(b.value), onclick: () => answer(item, b.value) }, b.label)));
    } else {
      const input = element('input', { type: 'text', class: 'free-answer', placeholder: 'your answer' });
      actions.append(input, element('button', { type: 'button', class: 'answer', onclick: () => answer(item, input.value) }, 'Send'));
    }
    actions.append(element('button', { type: 'button', class: 'secondary cancel', onclick: () => cancel(item) }, 'Cancel run'));
    return element('li', { 'data-thread': item.threadId },
      element('div', { class: 'prompt' }, item.prompt || '(no prompt)'),
      element('div', { class: 'meta' }, item.workflow + ' · node ' + item.node + ' · ' + item.type + ' · ',
        element('span', { class: 'age' }, 'waiting ' + since(item.ageSeconds)),
        item.deadline ? ' · until ' + new Date(item.deadline).toLocaleString() : ''),
      element('div', { class: 'meta' }, 'context: ' + JSON.stringify(item.context)),
      actions);
  }));
}

document.addEventListener('DOMContentLoaded', () => {
  $('workflow-form').addEventListener('submit', draw);
  $('validate').addEventListener('click', validate);
  $('run-form').addEventListener('submit', start);
  health();
  schemes().catch((e) => showError(e.message));
  inbox();
  setInterval(inbox, 3000);
  setInterval(health, 15000);
});
