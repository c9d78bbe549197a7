// The demo chat: one question at a time, answered through /demo/ask; tracker.js records what the visitor does.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const chat = $('chat'), form = $('ask'), question = $('question'), send = $('send'), name = $('name');

  function bubble(kind, text) {
    const div = document.createElement('div');
    div.className = 'message ' + kind;
    div.textContent = text;
    chat.appendChild(div);
    div.scrollIntoView({ block: 'end' });
    return div;
  }

  function busy(on) {
    send.disabled = on;
    question.disabled = on;
    if (!on) question.focus();
  }

  // The server sanitized the HTML (text formatting and absolute links only); links open beside the chat.
  function showAnswer(div, answer) {
    div.classList.remove('pending');
    div.dataset.interactionId = answer.interactionId;
    div.innerHTML = answer.html;
    div.querySelectorAll('a[href]').forEach((a) => {
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
    });
    const meta = document.createElement('span');
    meta.className = 'meta';
    meta.textContent = (answer.model || 'model') + (answer.cached ? ' · from cache' : '');
    div.appendChild(meta);
  }

  async function ask(text) {
    bubble('user', text);
    const pending = bubble('assistant pending', 'Thinking…');
    busy(true);
    try {
      const response = await fetch('/demo/ask', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ question: text, userId: Tracker.userId(), sessionId: Tracker.sessionId() }),
      });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) throw new Error(body.detail || body.title || 'The model did not answer (' + response.status + ').');
      showAnswer(pending, body);
      Tracker.track('success', { componentId: 'ask-form', query: text, interactionId: body.interactionId });
    } catch (error) {
      pending.classList.remove('pending');
      pending.classList.add('failed');
      pending.textContent = error.message;
      Tracker.track('error', { componentId: 'ask-form', query: text, message: error.message });
    } finally {
      busy(false);
    }
  }

  function notConfigured(problems) {
    $('setup').hidden = false;
    problems.forEach((p) => { const li = document.createElement('li'); li.textContent = p; $('problems').appendChild(li); });
    form.hidden = true;
    chat.hidden = true;
    name.parentElement.hidden = true;
  }

  async function start() {
    busy(true);
    const config = await fetch('/demo/config').then((r) => r.json());
    if (!config.ready) return notConfigured(config.problems);
    const saved = localStorage.getItem('demo-name');
    Tracker.init({ key: config.ingestKey, userId: saved || undefined });
    if (saved) name.value = saved;
    name.addEventListener('change', () => {
      const value = name.value.trim();
      if (!value) return;
      localStorage.setItem('demo-name', value);
      Tracker.identify(value);
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = question.value.trim();
      if (!text) return;
      question.value = '';
      ask(text);
    });
    document.body.dataset.ready = 'true';
    busy(false);
  }

  start();
})();
