/*
 * The preview host page's script (a file: no inline script anywhere). It relays what Jira relays
 * between the page and the app's frames: submit/navigate/flags/refresh from a frame, events between
 * frames, and JIRA_ISSUE_CHANGED into the frames after the issue is edited here.
 */
(function () {
  'use strict';
  var here = new URL(location.href);
  function frames() { return Array.prototype.slice.call(document.querySelectorAll('iframe[data-forge]')); }
  function frameOf(win) { return frames().filter(function (f) { return f.contentWindow === win; })[0]; }
  function keepViewer(url) {
    var u = new URL(url, location.origin);
    if (u.origin !== location.origin) return null;
    ['as', 'theme'].forEach(function (k) { if (here.searchParams.has(k) && !u.searchParams.has(k)) u.searchParams.set(k, here.searchParams.get(k)); });
    return u.toString();
  }
  function tell(frame, message) { frame.contentWindow.postMessage(message, location.origin); }

  document.querySelectorAll('[data-autosubmit]').forEach(function (el) {
    el.addEventListener('change', function () { el.form.submit(); });
  });

  window.addEventListener('message', function (e) {
    if (e.origin !== location.origin || !e.data || typeof e.data.type !== 'string') return;
    var from = frameOf(e.source);
    if (!from) return;
    var m = e.data;
    if (m.type === 'forge-submitted') { here.searchParams.delete('edit'); location.href = here.toString(); }
    if (m.type === 'forge-navigate') {
      if (!m.internal) { window.open(String(m.url), '_blank', 'noopener,noreferrer'); return; }
      var url = keepViewer(m.url);
      // As in Jira: router.open opens a new window, router.navigate moves this one.
      if (url && m.newTab) window.open(url, '_blank');
      else if (url) location.href = url;
    }
    if (m.type === 'forge-refresh') { from.src = from.src; }
    if (m.type === 'forge-resize' && typeof m.height === 'number' && m.height > 0) from.style.height = Math.min(m.height, 4000) + 'px';
    if (m.type === 'forge-emit') frames().forEach(function (f) { if (f !== from) tell(f, { type: 'forge-event', event: m.event, payload: m.payload }); });
    if (m.type === 'forge-flag') {
      var box = document.getElementById('flags');
      var flag = document.createElement('div');
      flag.className = 'flag';
      flag.dataset.flagId = String(m.flag.id);
      var title = document.createElement('strong');
      title.textContent = String(m.flag.title || '');
      var text = document.createElement('div');
      text.textContent = String(m.flag.description || '');
      flag.appendChild(title); flag.appendChild(text); box.appendChild(flag);
      setTimeout(function () { flag.remove(); }, 8000);
    }
    if (m.type === 'forge-close-flag') document.querySelectorAll('.flag').forEach(function (f) { if (f.dataset.flagId === String(m.id)) f.remove(); });
  });

  var edit = document.getElementById('edit-issue');
  if (edit) edit.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var status = document.getElementById('edit-status');
    status.textContent = 'Saving…';
    fetch(edit.action, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ summary: edit.summary.value, description: edit.description.value }) })
      .then(function (r) { return r.json(); })
      .then(function (r) {
        if (r.error) { status.textContent = r.error; return; }
        status.textContent = 'Saved.';
        document.getElementById('summary-text').textContent = edit.summary.value;
        document.getElementById('description-text').textContent = edit.description.value;
        frames().forEach(function (f) { tell(f, { type: 'forge-event', event: 'JIRA_ISSUE_CHANGED', payload: r.event }); });
      })
      .catch(function () { status.textContent = 'The preview host did not answer.'; });
  });
})();
