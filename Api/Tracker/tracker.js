// tracker.js: product events for the LLM platform (docs/tracker.md). No dependencies.
// The Api serves it with full-line comments and indentation stripped, so keep comments on lines of their own.
(function (w, d) {
'use strict';
if (w.Tracker) return;
var ls = w.localStorage, cfg = null, url = '', queue = [], timer = 0, backoff = 0, sending = false;
var uid = null, page = null, shownAt = 0, scrollMax = 0, scrollTimer = 0;
var IDLE = 30 * 60 * 1000, MAX_QUEUE = 500;
var INTERACTIVE = 'a,button,input,select,textarea,label,summary,[role=button],[role=link],[role=tab],[role=menuitem],[data-component-id],[onclick]';

function now() { return Date.now(); }
function rid() { return now().toString(36) + Math.random().toString(36).slice(2, 10); }
function get(k) { try { return ls.getItem(k); } catch (e) { return null; } }
function set(k, v) { try { ls.setItem(k, v); } catch (e) { } }
function cut(s, n) { s = s == null ? '' : String(s); return s.length > n ? s.slice(0, n) : s; }

// The anonymous id lives until identify(); after that the product's own id is used and remembered.
function userId() {
  if (uid) return uid;
  var a = get('plt_aid');
  if (!a) { a = 'anon-' + rid(); set('plt_aid', a); }
  return a;
}

// A session ends after 30 minutes without events; the next event starts a new one.
function sessionId() {
  var t = now(), s = get('plt_sid'), l = +get('plt_last') || 0;
  if (!s || t - l > IDLE) { s = rid(); set('plt_sid', s); }
  set('plt_last', String(t));
  return s;
}

function path() { return location.pathname + location.search; }

function push(type, p) {
  if (!cfg) return;
  p = p || {};
  var e = { userId: userId(), sessionId: sessionId(), eventType: type, page: page || path(), pageUrl: cut(location.href, 2048), timestamp: new Date().toISOString() };
  var known = ['componentId', 'targetUrl', 'query', 'message', 'durationMs', 'x', 'y', 'page', 'pageUrl', 'extra'], extra = p.extra || null;
  for (var k in p) {
    if (!Object.prototype.hasOwnProperty.call(p, k) || p[k] == null) continue;
    if (known.indexOf(k) >= 0) { if (k !== 'extra') e[k] = p[k]; }
    else { extra = extra || {}; extra[k] = p[k]; }
  }
  if (e.message) e.message = cut(e.message, 4000);
  if (extra) e.extra = extra;
  // A dead endpoint must not grow memory forever: the oldest events go first.
  if (queue.length >= MAX_QUEUE) queue.splice(0, queue.length - MAX_QUEUE + 1);
  queue.push(e);
  if (queue.length >= cfg.batchSize && !backoff) flush();
  else schedule(cfg.flushMs);
}

function schedule(ms) {
  if (!timer && queue.length) timer = setTimeout(function () { timer = 0; flush(); }, ms);
}

function flush() {
  if (sending || !queue.length) return;
  if (timer) { clearTimeout(timer); timer = 0; }
  var batch = queue.splice(0, cfg.batchSize), body = JSON.stringify({ events: batch });
  sending = true;
  // keepalive lets a send outlive the page, within the browser's 64 KB budget (20,000 UTF-16 units stay under it).
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Authorization': 'Bearer ' + cfg.key }, body: body, keepalive: body.length < 20000 })
    .then(function (r) {
      // 429 and 5xx are worth another try; any other 4xx would fail the same way again.
      if (r.status === 429 || r.status >= 500) throw new Error('HTTP ' + r.status);
      backoff = 0;
    })
    .catch(function () {
      queue = batch.concat(queue);
      if (queue.length > MAX_QUEUE) queue.splice(0, queue.length - MAX_QUEUE);
      backoff = Math.min(backoff ? backoff * 2 : cfg.flushMs, 60000);
    })
    .then(function () {
      sending = false;
      schedule(backoff || (queue.length >= cfg.batchSize ? 0 : cfg.flushMs));
    });
}

// On page hide there is no time for fetch: sendBeacon cannot set headers, so the key travels in the query.
function beacon() {
  var b = w.navigator.sendBeacon && url + (url.indexOf('?') < 0 ? '?' : '&') + 'key=' + encodeURIComponent(cfg.key);
  while (queue.length && b) {
    var batch = queue.slice(0, cfg.batchSize);
    if (!w.navigator.sendBeacon(b, new Blob([JSON.stringify({ events: batch })], { type: 'application/json' }))) break;
    queue.splice(0, batch.length);
  }
  flush();
}

function ignored(el) { return !el || !el.closest || !!el.closest('.no-track'); }

function cssPath(el) {
  var parts = [];
  for (var i = 0; el && el.nodeType === 1 && i < 3; i++, el = el.parentElement) {
    var tag = el.tagName.toLowerCase(), p = el.parentElement, part = tag;
    if (el.id) { parts.unshift(tag + '#' + el.id); break; }
    if (p) {
      var same = [].filter.call(p.children, function (c) { return c.tagName === el.tagName; });
      if (same.length > 1) part += ':nth-of-type(' + (same.indexOf(el) + 1) + ')';
    }
    parts.unshift(part);
  }
  return parts.join('>');
}

function componentId(el) {
  var c = el.closest('[data-component-id]');
  return cut((c && c.getAttribute('data-component-id')) || el.id || el.getAttribute('name') || cssPath(el), 200);
}

function formOf(el) { return el.form || el.closest('form') || el; }

function startPage() {
  page = path(); shownAt = now(); scrollMax = 0;
  push('pageview', { message: cut(d.title, 200) });
}

function dwell() {
  if (!shownAt) return;
  push('dwell', { durationMs: now() - shownAt });
  shownAt = 0;
}

function navigated() {
  if (path() === page) return;
  dwell();
  startPage();
}

function onClick(ev) {
  var el = ev.target && ev.target.closest && ev.target.closest(INTERACTIVE);
  if (!el || ignored(el)) return;
  var p = { componentId: componentId(el), x: Math.round(ev.pageX), y: Math.round(ev.pageY) }, a = el.closest('a[href]');
  if (a) p.targetUrl = cut(a.href, 2048);
  var text = (el.innerText || el.value || '').trim();
  if (text && el.type !== 'password') p.text = cut(text, 80);
  push(ev.pointerType === 'touch' || ev.pointerType === 'pen' ? 'tap' : 'click', p);
}

function onScroll() {
  var h = d.documentElement, max = h.scrollHeight - h.clientHeight;
  var depth = max > 0 ? Math.min(100, Math.round(100 * (w.scrollY || h.scrollTop) / max)) : 100;
  if (depth <= scrollMax) return;
  scrollMax = depth;
  clearTimeout(scrollTimer);
  scrollTimer = setTimeout(function () { push('scroll', { y: Math.round(w.scrollY), depth: scrollMax }); }, cfg.scrollMs);
}

function listen() {
  d.addEventListener('click', onClick, true);
  w.addEventListener('scroll', onScroll, { passive: true });
  d.addEventListener('submit', function (ev) {
    if (!ignored(ev.target)) push('submit', { componentId: componentId(ev.target) });
  }, true);
  // Values are never sent: only which field of which form changed.
  d.addEventListener('change', function (ev) {
    var el = ev.target;
    if (!ignored(el) && el.closest) push('input', { componentId: componentId(formOf(el)), field: componentId(el) });
  }, true);
  // invalid does not bubble: only a capturing listener sees it.
  d.addEventListener('invalid', function (ev) {
    var el = ev.target;
    if (!ignored(el)) push('error', { componentId: componentId(formOf(el)), field: componentId(el), message: 'invalid ' + componentId(el) + ': ' + el.validationMessage, kind: 'invalid' });
  }, true);
  w.addEventListener('error', function (ev) {
    if (ev.target && ev.target !== w) return;
    push('error', { message: ev.message || 'error', source: cut(ev.filename, 500), line: ev.lineno, column: ev.colno, kind: 'js' });
  });
  w.addEventListener('unhandledrejection', function (ev) {
    var r = ev.reason;
    push('error', { message: cut(r && r.message ? r.message : String(r), 4000), kind: 'unhandledrejection' });
  });
  d.addEventListener('visibilitychange', function () {
    if (d.visibilityState === 'hidden') { dwell(); beacon(); }
    else if (!shownAt) shownAt = now();
  });
  w.addEventListener('pagehide', function () { dwell(); beacon(); });
  ['pushState', 'replaceState'].forEach(function (m) {
    var original = history[m];
    history[m] = function () { var r = original.apply(this, arguments); navigated(); return r; };
  });
  w.addEventListener('popstate', navigated);
}

function base() {
  var s = d.currentScript;
  return s && s.src ? new URL(s.src).origin : location.origin;
}
var origin = base();

w.Tracker = {
  init: function (o) {
    if (cfg) return;
    if (!o || !o.key) throw new Error('Tracker.init needs {key}: an ingest key');
    cfg = { key: o.key, flushMs: o.flushMs || 2000, batchSize: o.batchSize || 20, scrollMs: o.scrollMs || 500 };
    url = String(o.endpoint || origin).replace(/\/+$/, '');
    if (!/\/api\/events$/.test(url)) url += '/api/events';
    if (o.userId) this.identify(o.userId);
    listen();
    startPage();
  },
  identify: function (id) {
    uid = cut(id, 200) || null;
    if (uid) set('plt_uid', uid);
  },
  track: function (type, props) { push(cut(type, 64), props); },
  flush: flush,
  userId: userId,
  sessionId: function () { return get('plt_sid') || sessionId(); }
};
uid = get('plt_uid');
})(window, document);
