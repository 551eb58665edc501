// storytrack web page: plain DOM, no framework, no build step.
// Every piece of article data is untrusted: it reaches the page only through textContent and
// attribute setters, never through innerHTML.
'use strict';

const view = () => document.getElementById('view');
const PAGE = 50;

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'text') e.textContent = v;
    else if (k === 'class') e.className = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c != null) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

function svg(tag, attrs) {
  const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  return e;
}

// Answers can come back out of order: one that arrives after the reader has moved on (a later
// route) is dropped, so an older view never replaces a newer one.
let routes = 0;
class Stale extends Error {}

async function api(path) {
  const mine = routes;
  const r = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await r.json().catch(() => ({ error: 'bad response' }));
  if (mine !== routes) throw new Stale(path);
  if (!r.ok) throw new Error(body.error || ('HTTP ' + r.status));
  return body;
}

// Writes (curation) send JSON: a cross-site form cannot, and the server refuses other origins.
async function apiPost(path, body) {
  const r = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) });
  const data = await r.json().catch(() => ({ error: 'bad response' }));
  if (!r.ok) throw new Error(data.error || ('HTTP ' + r.status));
  return data;
}

function show(...nodes) {
  view().replaceChildren(...nodes.filter(n => n != null));
}

function fail(err) {
  // A story a person merged into another: the server names where its articles went.
  const merged = /^no story \S+ \(merged into (\S+)\)$/.exec(err.message);
  const into = merged ? el('p', {}, el('a', { href: '#/story/' + encodeURIComponent(merged[1]), id: 'merged-into', text: 'Go to story ' + merged[1] })) : null;
  show(el('p', { class: 'error', text: 'Error: ' + err.message }), into, el('p', {}, el('a', { href: '#/', text: 'All stories' })));
}

const day = t => (t ? t.slice(0, 10) : 'undated');
// A date-only value is kept as its day's start: shown as the date, with no invented time.
const when = t => (!t ? 'undated' : /T00:00:00(\.0+)?Z$/.test(t) ? t.slice(0, 10) : t.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC'));
const sourceName = s => (s === '' ? '(unknown source)' : s);

function sourcesText(sources) {
  const names = Object.keys(sources);
  const shown = names.slice(0, 3).map(s => sourceName(s) + ' (' + sources[s] + ')').join(', ');
  return names.length > 3 ? shown + ' and ' + (names.length - 3) + ' more' : shown;
}

// ------------------------------------------------------------------ story list

async function listView(query, offset) {
  if (query) return searchView(query, offset);
  const params = new URLSearchParams({ limit: PAGE, offset: offset || 0 });
  const data = await api('/api/stories?' + params);
  const heading = el('h1', { text: 'Stories' });
  const count = el('p', { class: 'muted', id: 'count', text: data.total + (data.total === 1 ? ' story' : ' stories') + ', most recently active first' });
  if (data.stories.length === 0) {
    show(heading, count, el('p', { text: 'No stories yet: ingest some articles (storytrack ingest, or POST /api/articles).' }));
    return;
  }
  // A topic (stories of one kind) is a button: it shows that topic's stories only, again shows all.
  const topicButton = s => {
    if (!s.topic) return el('td', {});
    const b = el('button', { type: 'button', class: 'topic', 'data-topic': s.topic, text: s.topic, title: 'show only the stories of this topic' });
    b.addEventListener('click', () => {
      const only = !b.classList.contains('on');
      for (const r of document.querySelectorAll('#stories tr.story')) r.hidden = only && r.dataset.topic !== s.topic;
      for (const x of document.querySelectorAll('#stories button.topic')) x.classList.toggle('on', only && x.dataset.topic === s.topic);
    });
    return el('td', {}, b);
  };
  const rows = data.stories.map(s => el('tr', { class: 'story', 'data-topic': s.topic || '' },
    el('td', {}, el('a', { href: '#/story/' + encodeURIComponent(s.id), class: 'story-link', text: s.title || '(untitled)' })),
    el('td', { class: 'num', text: s.size }),
    el('td', { text: sourcesText(s.sources) }),
    el('td', { text: day(s.firstSeen) }),
    el('td', { text: day(s.lastSeen) }),
    topicButton(s)));
  const table = el('table', { id: 'stories' },
    el('thead', {}, el('tr', {}, ...['Story', 'Articles', 'Sources', 'First seen', 'Last seen', 'Topic'].map(h => el('th', { text: h })))),
    el('tbody', {}, ...rows));
  const nav = el('p', { class: 'more' });
  const from = offset || 0;
  if (from > 0) nav.append(el('a', { href: pageHash(query, Math.max(0, from - PAGE)), text: '\u2190 Newer' }), ' ');
  if (from + PAGE < data.total) nav.append(el('a', { href: pageHash(query, from + PAGE), text: 'Older \u2192' }));
  show(heading, count, table, nav);
}

// Matching articles with their snippets (matches in <mark>, built from offsets, never from
// HTML), then the stories they belong to.
async function searchView(query, offset) {
  const params = new URLSearchParams({ q: query, limit: PAGE, offset: offset || 0 });
  const data = await api('/api/search?' + params);
  const heading = el('h1', { text: 'Search: \u201c' + query + '\u201d' });
  const count = el('p', { class: 'muted', id: 'count', text: data.total + (data.total === 1 ? ' matching article' : ' matching articles') + ', ' + data.order
    + '; ' + data.storiesTotal + (data.storiesTotal === 1 ? ' story' : ' stories') });
  const help = el('p', { class: 'muted help', text: 'All words must match; use OR for either, "quotes" for a phrase, -word to exclude, title:word or source:host for one field.' });
  if (data.articles.length === 0) {
    show(heading, count, el('p', { text: 'No article matches.' }), help);
    return;
  }
  const hits = el('ol', { id: 'hits', class: 'hits' }, ...data.articles.map(h => el('li', { class: 'hit', 'data-id': h.id },
    el('div', {}, el('a', { href: '#/story/' + encodeURIComponent(h.story), class: 'hit-title', text: h.title || h.id })),
    el('div', { class: 'muted hit-meta', text: sourceName(h.source) + ' \u00b7 ' + when(h.published) + ' \u00b7 story ' + h.story }),
    marked(h.snippet, h.highlights))));
  const stories = el('table', { id: 'stories' },
    el('thead', {}, el('tr', {}, ...['Story', 'Articles', 'Sources', 'First seen', 'Last seen'].map(x => el('th', { text: x })))),
    el('tbody', {}, ...data.stories.map(storyRow)));
  const nav = el('p', { class: 'more' });
  const from = offset || 0;
  if (from > 0) nav.append(el('a', { href: pageHash(query, Math.max(0, from - PAGE)), text: '\u2190 Better matches' }), ' ');
  if (from + PAGE < data.total) nav.append(el('a', { href: pageHash(query, from + PAGE), text: 'More matches \u2192' }));
  show(heading, count, el('h2', { text: 'Articles, ' + data.order }), hits, nav,
    el('h2', { text: 'Their stories, by first match' }), stories, help);
}

function storyRow(s) {
  return el('tr', { class: 'story' },
    el('td', {}, el('a', { href: '#/story/' + encodeURIComponent(s.id), class: 'story-link', text: s.title || '(untitled)' })),
    el('td', { class: 'num', text: s.size }),
    el('td', { text: sourcesText(s.sources) }),
    el('td', { text: day(s.firstSeen) }),
    el('td', { text: day(s.lastSeen) }));
}

function marked(text, highlights) {
  const p = el('p', { class: 'snippet' });
  let at = 0;
  for (const h of highlights || []) {
    if (h.start < at || h.end > text.length) continue;
    p.append(text.slice(at, h.start), el('mark', { text: text.slice(h.start, h.end) }));
    at = h.end;
  }
  p.append(text.slice(at));
  return p;
}

function pageHash(query, offset) {
  const p = new URLSearchParams();
  if (query) p.set('q', query);
  if (offset) p.set('offset', offset);
  return '#/?' + p;
}

// ------------------------------------------------------------------ one story

// What the last curation did, shown once on the story page it leads to.
let notice = null;

async function storyView(id) {
  const s = await api('/api/stories/' + encodeURIComponent(id));
  const done = notice;
  notice = null;
  const earliest = s.articles.find(a => a.id === s.earliest) || s.articles[0];
  const head = [
    el('p', {}, el('a', { href: '#/', text: '\u2190 All stories' })),
    el('h1', { id: 'story-title', text: s.title || '(untitled)' }),
    el('p', { class: 'muted', text: s.size + ' versions from ' + Object.keys(s.sources).length + ' sources, ' + when(s.firstSeen) + ' \u2013 ' + when(s.lastSeen) }),
  ];
  const rows = s.articles.map(a => {
    const title = el('td', {}, a.url ? el('a', { href: safeUrl(a.url), rel: 'noopener noreferrer', target: '_blank', text: a.title || a.id }) : el('span', { text: a.title || a.id }));
    if (a.id === earliest.id) title.append(el('span', { class: 'badge earliest', text: 'earliest' }));
    const revs = revisions(a);
    if (revs) title.append(revs);
    const action = a.id === earliest.id ? el('td', {}) :
      el('td', {}, el('a', { href: '#/compare/' + encodeURIComponent(earliest.id) + '/' + encodeURIComponent(a.id), class: 'compare-link', text: 'compare with earliest' }));
    const pick = el('input', { type: 'checkbox', class: 'pick', value: a.id, 'aria-label': 'pick this version' });
    return el('tr', { class: 'version', 'data-id': a.id }, el('td', {}, pick), el('td', { text: when(a.published) }), el('td', { text: sourceName(a.source) }), title, action);
  });
  const table = el('table', { id: 'versions' },
    el('thead', {}, el('tr', {}, ...['', 'Published', 'Source', 'Title', ''].map(h => el('th', { text: h })))),
    el('tbody', {}, ...rows));
  const button = el('button', { type: 'button', id: 'compare-picked', text: 'Compare the two checked versions' });
  button.disabled = true;
  const picked = () => [...table.querySelectorAll('input.pick:checked')].map(i => i.value);
  const cur = curation(s, picked);
  table.addEventListener('change', () => { button.disabled = picked().length !== 2; cur.update(); });
  button.addEventListener('click', () => {
    const [x, y] = picked();
    location.hash = '#/compare/' + encodeURIComponent(x) + '/' + encodeURIComponent(y);
  });
  show(...head, done, summaryBox(s), el('h2', { text: 'Articles per source over time' }), timeline(s), el('h2', { text: 'Versions' }), table, el('p', { class: 'more' }, button),
    cur.box, el('h2', { text: 'Version tree' }), versionTree(s));
}

// Corrections a person makes to this story: split the checked versions out into a story of
// their own, delete them, or merge the story with another. Each asks first; the server checks
// every id before it changes anything.
function curation(s, picked) {
  const note = el('input', { type: 'text', id: 'curate-note', maxlength: '2000', placeholder: 'Why (optional, kept in the log)' });
  const by = el('input', { type: 'text', id: 'curate-by', maxlength: '200', placeholder: 'Your name (optional)' });
  by.value = localStorage.getItem('storytrack.by') || '';
  const status = el('p', { id: 'curate-error', class: 'error', role: 'alert' });
  const split = el('button', { type: 'button', id: 'split-picked', text: 'Split the checked versions out' });
  const del = el('button', { type: 'button', id: 'delete-picked', text: 'Delete the checked versions' });
  const other = el('input', { type: 'text', id: 'merge-with', list: 'merge-stories', maxlength: '200', placeholder: 'Story id, e.g. s12' });
  const options = el('datalist', { id: 'merge-stories' });
  const merge = el('button', { type: 'button', id: 'merge-button', text: 'Merge' });
  const update = () => {
    const n = picked().length;
    split.disabled = n === 0 || n >= s.articles.length;
    del.disabled = n === 0;
    merge.disabled = !other.value.trim() || other.value.trim() === s.id;
  };
  other.addEventListener('input', update);
  // Other stories to pick from, newest first; typing any id works too.
  api('/api/stories?limit=200').then(list => {
    for (const o of list.stories) if (o.id !== s.id) options.append(el('option', { value: o.id, label: o.id + ' — ' + (o.title || '(untitled)') }));
  }).catch(() => {});
  const act = async (question, path, body, after) => {
    if (!window.confirm(question)) return;
    status.textContent = '';
    const who = by.value.trim();
    localStorage.setItem('storytrack.by', who);
    try {
      const r = await apiPost(path, Object.assign(body, { note: note.value.trim(), by: who }));
      after(r);
    } catch (err) {
      status.textContent = 'Not done: ' + err.message;
    }
  };
  const go = (id, message) => {
    notice = message;
    if (location.hash === '#/story/' + encodeURIComponent(id)) route();
    else location.hash = '#/story/' + encodeURIComponent(id);
  };
  const count = n => n + (n === 1 ? ' version' : ' versions');
  split.addEventListener('click', () => {
    const ids = picked();
    act('Split ' + count(ids.length) + ' out of this story into a new story? Later articles will not join them back.',
      '/api/curation/split', { story: s.id, articles: ids },
      r => go(s.id, el('p', { id: 'curate-status', class: 'notice' }, count(ids.length) + ' split out into ',
        el('a', { href: '#/story/' + encodeURIComponent(r.decision.result), id: 'split-story', text: 'story ' + r.decision.result }), '.')));
  });
  del.addEventListener('click', () => {
    const ids = picked();
    act('Delete ' + count(ids.length) + ' from the store? Ingesting them again will skip them.', '/api/curation/delete', { articles: ids },
      () => {
        const message = el('p', { id: 'curate-status', class: 'notice', text: count(ids.length) + ' deleted.' });
        if (ids.length < s.articles.length) go(s.id, message);
        else location.hash = '#/';
      });
  });
  merge.addEventListener('click', () => {
    const with_ = other.value.trim();
    act('Merge this story with story ' + with_ + '? The older story\'s id stays.', '/api/curation/merge', { stories: [s.id, with_] },
      r => go(r.decision.result, el('p', { id: 'curate-status', class: 'notice', text: 'Stories ' + s.id + ' and ' + with_ + ' merged into story ' + r.decision.result + '.' })));
  });
  update();
  const box = el('section', { id: 'curation', class: 'curation' },
    el('h2', { text: 'Curate' }),
    el('p', { class: 'muted help', text: 'Check versions above to split them out into a story of their own or to delete them. Every decision is logged (storytrack curate log, GET /api/curation).' }),
    el('p', {}, split, ' ', del),
    el('p', {}, el('label', { for: 'merge-with', text: 'Merge with story ' }), other, options, ' ', merge),
    el('p', {}, note, ' ', by),
    status);
  return { box, update };
}

// Key names by kind, the lead sentence of the earliest article, and the outlets.
function summaryBox(s) {
  const b = s.summary;
  if (!b) return null;
  const box = el('section', { id: 'summary', class: 'summary' });
  if (b.lead) box.append(el('p', { class: 'lead', text: b.lead }));
  const dl = el('dl', {});
  const row = (label, items, id) => { if (items.length) dl.append(el('dt', { text: label }), el('dd', { id, text: items.join(', ') })); };
  row('People', b.people, 'people');
  row('Places', b.places, 'places');
  row('Organisations and other names', b.otherNames, 'other-names');
  row('Outlets', Object.keys(b.outlets).map(o => sourceName(o) + ' (' + b.outlets[o] + ')'), 'outlets');
  box.append(dl);
  return box;
}

// Which version's text came from which (text reuse), with what each added, dropped and changed
// against its parent beside it. Roots are origins: the first version, or an independent report.
function versionTree(s) {
  const versions = s.versions || [];
  const refs = new Map(s.articles.map(a => [a.id, a]));
  const children = new Map();
  for (const v of versions) {
    const parent = v.reusedFrom.length ? v.reusedFrom[0].id : null;
    if (parent) children.set(parent, [...(children.get(parent) || []), v]);
  }
  const node = v => {
    const a = refs.get(v.id) || { id: v.id };
    const head = el('div', { class: 'version-head' },
      el('span', { class: 'version-title', text: a.title || v.id }),
      el('span', { class: 'muted', text: ' \u2014 ' + sourceName(a.source || '') + ', ' + when(a.published) }));
    if (v.origin) head.append(el('span', { class: 'badge origin', text: 'origin' }));
    else {
      head.append(el('span', { class: 'reuse muted', text: ' reuses ' + Math.round(100 * v.reusedShare) + '%' }));
      const parent = v.reusedFrom[0].id;
      head.append(' ', el('a', { href: '#/compare/' + encodeURIComponent(parent) + '/' + encodeURIComponent(v.id), class: 'compare-link', text: 'compare with parent' }));
    }
    const notes = el('ul', { class: 'changes' });
    for (const c of v.changes) {
      notes.append(el('li', { class: 'change' }, el('span', { class: 'kind kind-' + c.kind, text: c.kind }), ' ',
        el('del', { text: c.before }), ' \u2192 ', el('ins', { text: c.after })));
    }
    for (const g of v.added) notes.append(el('li', { class: 'added' }, el('span', { class: 'kind', text: 'added' }), ' ', abbreviate(g.text, 160)));
    for (const g of v.dropped) notes.append(el('li', { class: 'dropped' }, el('span', { class: 'kind', text: 'dropped' }), ' ', abbreviate(g.text, 160)));
    const li = el('li', { class: 'version-node', 'data-id': v.id }, head);
    if (notes.children.length) li.append(notes);
    const kids = children.get(v.id) || [];
    if (kids.length) li.append(el('ul', {}, ...kids.map(node)));
    return li;
  };
  const roots = versions.filter(v => v.origin);
  if (!roots.length) return el('p', { class: 'muted', id: 'version-tree', text: 'No versions.' });
  return el('ul', { id: 'version-tree', class: 'tree' }, ...roots.map(node));
}

// An article ingested again with other content: each revision with what changed against the one
// before (headline, word changes, added and dropped passages, correction notes), as NewsDiffs shows.
function revisions(a) {
  const revs = a.revisions || [];
  if (revs.length < 2) return null;
  const box = el('details', { class: 'revisions' },
    el('summary', { text: revs.length + ' revisions' + (revs.some(r => r.changes && r.changes.correction) ? ', corrected' : '') }));
  const list = el('ol', { class: 'revision-list' });
  for (const r of revs) {
    const item = el('li', { class: 'revision', 'data-revision': r.revision, value: r.revision },
      el('span', { class: 'muted', text: 'seen ' + (r.seen ? when(r.seen) : 'at an unknown time') }));
    const c = r.changes;
    const notes = el('ul', { class: 'changes' });
    if (!c) notes.append(el('li', { class: 'muted', text: r.revision === 1 ? 'first version' : 'earlier revisions not kept' }));
    else {
      if (c.correction) notes.append(el('li', { class: 'correction' }, el('span', { class: 'kind kind-correction', text: 'correction' }), ' ', abbreviate(c.correctionNote || '', 200)));
      if (c.headline) notes.append(el('li', { class: 'headline' }, el('span', { class: 'kind', text: 'headline' }), ' ', el('del', { text: c.headline.before }), ' \u2192 ', el('ins', { text: c.headline.after })));
      for (const v of c.variants) notes.append(el('li', { class: 'change' }, el('span', { class: 'kind kind-' + v.kind, text: v.kind }), ' ', el('del', { text: v.before }), ' \u2192 ', el('ins', { text: v.after })));
      for (const g of c.added) notes.append(el('li', { class: 'added' }, el('span', { class: 'kind', text: 'added' }), ' ', abbreviate(g.text, 200)));
      for (const g of c.dropped) notes.append(el('li', { class: 'dropped' }, el('span', { class: 'kind', text: 'dropped' }), ' ', abbreviate(g.text, 200)));
      if (!notes.children.length) notes.append(el('li', { class: 'muted', text: 'no change found in the headline or whole sentences' }));
    }
    item.append(notes);
    list.append(item);
  }
  box.append(list);
  return box;
}

const abbreviate = (t, n) => (t.length > n ? t.slice(0, n - 1) + '\u2026' : t);

// Only http(s) links are followed; anything else (javascript:, data:) becomes inert.
function safeUrl(u) {
  try {
    const url = new URL(u, location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '#';
  } catch (e) {
    return '#';
  }
}

// Articles per source per day, or per week (from Monday) when the story spans more than 60 days:
// one mark per bucket sized by its count, so a story of thousands of articles stays readable.
// Days are UTC dates as stored; no time of day is shown because none is known for a bucket.
const WEEK_AFTER_DAYS = 60;

function buckets(s) {
  const points = (s.timeline || []).filter(p => p.day);
  const days = points.map(p => Date.parse(p.day + 'T00:00:00Z'));
  const span = days.length ? (Math.max(...days) - Math.min(...days)) / 864e5 : 0;
  const weekly = span > WEEK_AFTER_DAYS;
  const out = new Map();
  for (const p of points) {
    const key = bucketDay(p.day, weekly);
    const k = key + '\u0000' + p.source;
    const b = out.get(k) || { day: key, source: p.source, articles: 0 };
    b.articles += p.articles;
    out.set(k, b);
  }
  return { weekly, list: [...out.values()] };
}

function bucketDay(day, weekly) {
  if (!weekly) return day;
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

function timeline(s) {
  const { weekly, list } = buckets(s);
  const sources = [...new Set(s.articles.map(a => a.source))].sort();
  const left = 170, right = 30, top = 20, rowH = 26, width = 900;
  const height = top + rowH * Math.max(1, sources.length) + 40;
  const chart = svg('svg', { width, height, viewBox: '0 0 ' + width + ' ' + height, role: 'img', id: 'timeline', preserveAspectRatio: 'xMinYMin meet' });
  const label = svg('title');
  label.textContent = 'Articles per source per ' + (weekly ? 'week' : 'day');
  chart.append(label);
  const times = list.map(b => Date.parse(b.day + 'T00:00:00Z'));
  const unit = (weekly ? 7 : 1) * 864e5;
  let t0 = Math.min(...times), t1 = Math.max(...times) + unit;
  if (!isFinite(t0)) { t0 = 0; t1 = unit; }
  const x = t => left + (width - left - right) * (t - t0) / (t1 - t0);
  sources.forEach((src, i) => {
    const y = top + rowH * i + rowH / 2;
    chart.append(svg('line', { x1: left, x2: width - right, y1: y, y2: y, stroke: '#e6e9ee' }));
    const name = svg('text', { x: left - 8, y: y + 4, 'text-anchor': 'end' });
    const n = sourceName(src);
    name.textContent = n.length > 24 ? n.slice(0, 23) + '\u2026' : n;
    const full = svg('title');
    full.textContent = n;
    name.append(full);
    chart.append(name);
  });
  const most = Math.max(1, ...list.map(b => b.articles));
  const e = s.articles.find(a => a.id === s.earliest);
  const eKey = e && e.published ? bucketDay(e.published.slice(0, 10), weekly) : null;
  for (const b of list) {
    const y = top + rowH * sources.indexOf(b.source) + rowH / 2;
    const t = Date.parse(b.day + 'T00:00:00Z');
    const r = 3 + 8 * Math.sqrt(b.articles / most);
    const first = eKey !== null && b.source === e.source && b.day === eKey;
    const dot = svg('circle', { cx: x(t + unit / 2), cy: y, r, class: 'dot' + (first ? ' earliest' : ''), 'data-articles': b.articles });
    const tip = svg('title');
    tip.textContent = (weekly ? 'week of ' : '') + b.day + ' \u2014 ' + sourceName(b.source) + ': ' + b.articles + (b.articles === 1 ? ' article' : ' articles');
    dot.append(tip);
    chart.append(dot);
  }
  // Axis labels: dates only, at most one per 90 pixels, so they never overlap.
  const axisY = top + rowH * Math.max(1, sources.length) + 18;
  if (list.length) {
    const steps = Math.round((t1 - t0) / unit);
    const every = Math.max(1, Math.ceil(steps / Math.floor((width - left - right) / 90)));
    for (let i = 0; i < steps; i += every) {
      const t = t0 + i * unit;
      const lab = svg('text', { x: x(t), y: axisY, 'text-anchor': 'start', class: 'tick' });
      lab.textContent = new Date(t).toISOString().slice(0, 10);
      chart.append(lab);
    }
  } else {
    const lab = svg('text', { x: left, y: axisY, 'text-anchor': 'start' });
    lab.textContent = 'no dated articles';
    chart.append(lab);
  }
  const box = el('div', { class: 'chart' }, chart);
  box.append(el('p', { class: 'muted', id: 'timeline-unit', text: '\u00a0Articles per source per ' + (weekly ? 'week (weeks from Monday, UTC)' : 'day (UTC)') + '; a larger mark is more articles.' }));
  const undated = s.articles.filter(a => !a.published).length;
  if (undated > 0) box.append(el('p', { class: 'muted', text: '\u00a0' + undated + ' undated article' + (undated === 1 ? '' : 's') + ' not on the chart.' }));
  return box;
}

// ------------------------------------------------------------------ two versions side by side

async function compareView(a, b) {
  const c = await api('/api/compare?a=' + encodeURIComponent(a) + '&b=' + encodeURIComponent(b));
  const art = await api('/api/articles/' + encodeURIComponent(a));
  const verdict = el('div', { id: 'verdict' },
    el('p', { id: 'same-report', text: (c.sameReport ? 'Same report' : 'Not the same report') + ' (text reuse, score ' + c.score.toFixed(2) + '): ' + c.reason }),
    el('p', { id: 'same-story', text: (c.sameStory ? 'Same story' : 'Different stories') + ' (story-link model, probability ' + c.link.probability.toFixed(2) + '): ' + c.link.reason }));
  const legend = el('p', { class: 'legend muted' }, el('span', { class: 'shared', text: 'shared passage' }), el('span', { class: 'variant', text: 'variant (other words for the same thing)' }),
    el('span', { class: 'only', text: 'only in this version' }));
  const sideA = side(c.a, c.passages.map(p => [p.aStart, p.aEnd]), c.variants.map(v => [v.aStart, v.aStart + v.a.length, v.b, v.kind]), 'A', c.onlyInA);
  const sideB = side(c.b, c.passages.map(p => [p.bStart, p.bEnd]), c.variants.map(v => [v.bStart, v.bStart + v.b.length, v.a, v.kind]), 'B', c.onlyInB);
  show(el('p', {}, el('a', { href: '#/story/' + encodeURIComponent(art.story), text: '\u2190 Back to the story' })),
    el('h1', { text: 'Two versions side by side' }), verdict,
    el('p', { class: 'muted', text: c.passages.length + ' shared passages, ' + c.variants.length + ' variants' }),
    legend, el('div', { class: 'sides' }, sideA, sideB), quotesTable(c.quotes || []));
}

// The quotes of both versions paired: who said it, what each version quotes, and how it changed.
function quotesTable(quotes) {
  const rows = quotes.map(q => el('tr', { class: 'quote ' + q.relation },
    el('td', { text: q.relation }),
    el('td', { text: q.speaker || '(unknown)' }),
    el('td', { text: q.a ? q.a.content : '' }),
    el('td', { text: q.b ? q.b.content : '' }),
    el('td', { text: (q.diff || []).map(d => (d.a || '\u2205') + ' \u2192 ' + (d.b || '\u2205')).join('; ') })));
  return el('section', { id: 'quotes' },
    el('h2', { text: 'Quotes (' + quotes.length + ')' }),
    el('table', {}, el('thead', {}, el('tr', {}, ...['relation', 'speaker', 'A', 'B', 'changed'].map(h => el('th', { text: h })))),
      el('tbody', {}, ...rows)));
}

function side(s, passages, variants, name, onlyIn) {
  const text = s.text;
  const only = (onlyIn || []).map(g => [g.start, g.end]);
  const cuts = new Set([0, text.length]);
  for (const [x, y] of passages) { cuts.add(x); cuts.add(y); }
  for (const [x, y] of variants) { cuts.add(x); cuts.add(y); }
  for (const [x, y] of only) { cuts.add(x); cuts.add(y); }
  const points = [...cuts].filter(p => p >= 0 && p <= text.length).sort((p, q) => p - q);
  const body = el('div', { class: 'text' });
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i], to = points[i + 1];
    const chunk = text.slice(from, to);
    const inPassage = passages.some(([x, y]) => from >= x && to <= y);
    const variant = variants.find(([x, y]) => from >= x && to <= y);
    const inOnly = only.some(([x, y]) => from >= x && to <= y);
    if (!inPassage && !variant && !inOnly) { body.append(document.createTextNode(chunk)); continue; }
    const span = el('span', { class: [inPassage ? 'shared' : '', variant ? 'variant' : '', inOnly ? 'only' : ''].join(' ').trim(), text: chunk });
    if (variant) span.title = (name === 'A' ? 'B' : 'A') + ' has: ' + variant[2] + ' (' + variant[3] + ')';
    else if (inOnly) span.title = (name === 'A' ? 'B' : 'A') + ' lacks this';
    body.append(span);
  }
  return el('section', { class: 'side', id: 'side-' + name },
    el('h3', { text: name + ': ' + (s.title || s.id) }),
    el('p', { class: 'muted', text: s.words + ' words, ' + Math.round(100 * s.shared) + '% shared' }),
    body);
}

// ------------------------------------------------------------------ routing

function route() {
  routes++;
  const hash = location.hash || '#/';
  const parts = hash.slice(2).split('?')[0].split('/').map(decodeURIComponent);
  const params = new URLSearchParams(hash.split('?')[1] || '');
  let work;
  if (parts[0] === 'story' && parts[1]) work = storyView(parts[1]);
  else if (parts[0] === 'compare' && parts[1] && parts[2]) work = compareView(parts[1], parts[2]);
  else {
    document.getElementById('q').value = params.get('q') || '';
    work = listView(params.get('q') || '', parseInt(params.get('offset') || '0', 10) || 0);
  }
  work.then(() => window.scrollTo(0, 0)).catch(err => { if (!(err instanceof Stale)) fail(err); });
}

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('search').addEventListener('submit', e => {
    e.preventDefault();
    const q = document.getElementById('q').value.trim();
    location.hash = q ? '#/?' + new URLSearchParams({ q }) : '#/';
  });
  window.addEventListener('hashchange', route);
  route();
});
