/*
 * The Custom UI bridge for a plain browser tab (served as /__forge/bridge.js, loaded with
 * <script src> before the app bundle — never inline, as Forge's CSP forbids inline script).
 * Defines globalThis.__bridge.callBridge(name, payload) as @forge/bridge 7.2 expects it:
 *  - calls the host answers (invoke, getContext, submit, fetchProduct, getUrl, …) are POSTed to
 *    /__forge/bridge/<name>?frame=<id>, so the host knows this frame's module, user and context;
 *  - page-level ones are relayed to the host page with postMessage (navigate, flags, refresh, emit);
 *  - events.on listens for what the host page sends (JIRA_ISSUE_CHANGED, events between frames);
 *  - enableTheming follows the host's light/dark theme with the design tokens stylesheet;
 *  - createHistory gives an in-frame history with the history v4 API Forge's has (listen(location, action));
 *  - the frame's content height is reported to the host page, which sizes the iframe to it, as Jira does.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  var frame = script ? new URL(script.src, location.href).searchParams.get('frame') || '' : '';
  var listeners = {};
  var themed = false;

  function post(name, payload) {
    return fetch('/__forge/bridge/' + encodeURIComponent(name) + '?frame=' + encodeURIComponent(frame), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload === undefined ? null : payload),
    }).then(function (r) {
      if (!r.ok) throw new Error('The preview host answered ' + r.status + ' to ' + name);
      return r.json();
    }).then(function (r) {
      if (r.error) throw new Error(r.error);
      return r.result;
    });
  }

  function toHost(message) { window.parent.postMessage(message, location.origin); }

  function reportHeight() {
    if (!document.body) return;
    toHost({ type: 'forge-resize', height: Math.ceil(document.body.getBoundingClientRect().height) });
  }
  if (typeof ResizeObserver === 'function') {
    var watch = function () { new ResizeObserver(reportHeight).observe(document.body); reportHeight(); };
    if (document.body) watch(); else document.addEventListener('DOMContentLoaded', watch);
  }

  function applyTheme(mode) {
    var html = document.documentElement;
    html.setAttribute('data-color-mode', mode === 'dark' ? 'dark' : 'light');
    html.setAttribute('data-theme', mode === 'dark' ? 'dark:dark light:light' : 'light:light dark:dark');
    if (!document.getElementById('forge-design-tokens')) {
      var link = document.createElement('link');
      link.id = 'forge-design-tokens';
      link.rel = 'stylesheet';
      link.href = '/__forge/tokens.css';
      document.head.appendChild(link);
    }
  }

  window.addEventListener('message', function (e) {
    if (e.origin !== location.origin || e.source !== window.parent || !e.data) return;
    if (e.data.type === 'forge-event') (listeners[e.data.event] || []).slice().forEach(function (cb) { cb(e.data.payload); });
    if (e.data.type === 'forge-theme' && themed) applyTheme(e.data.colorMode);
  });

  function createHistory() {
    var entries = [{ pathname: '/', search: '', hash: '', state: undefined, key: 'initial' }];
    var index = 0;
    var subscribers = [];
    var history = {
      action: 'POP',
      get location() { return entries[index]; },
      set location(value) { /* @forge/bridge assigns the location it is told about */ },
      get length() { return entries.length; },
      listen: function (cb) { subscribers.push(cb); return function () { subscribers = subscribers.filter(function (s) { return s !== cb; }); }; },
      push: function (to, state) { entries = entries.slice(0, index + 1); entries.push(toLocation(to, state)); index++; notify('PUSH'); },
      replace: function (to, state) { entries[index] = toLocation(to, state); notify('REPLACE'); },
      go: function (n) { var next = Math.max(0, Math.min(entries.length - 1, index + n)); if (next !== index) { index = next; notify('POP'); } },
      back: function () { history.go(-1); },
      forward: function () { history.go(1); },
      goBack: function () { history.go(-1); },
      goForward: function () { history.go(1); },
      block: function () { return function () {}; },
      createHref: function (to) { return typeof to === 'string' ? to : (to.pathname || '/') + (to.search || '') + (to.hash || ''); },
    };
    function toLocation(to, state) {
      var u = new URL(typeof to === 'string' ? to : (to.pathname || '/') + (to.search || '') + (to.hash || ''), 'http://frame');
      return { pathname: u.pathname, search: u.search, hash: u.hash, state: typeof to === 'object' && to.state !== undefined ? to.state : state, key: Math.random().toString(36).slice(2) };
    }
    function notify(action) { history.action = action; subscribers.slice().forEach(function (cb) { cb(entries[index], action); }); }
    return history;
  }

  globalThis.__bridge = {
    callBridge: function (name, payload) {
      switch (name) {
        case 'on':
        case 'onPublic': {
          var list = (listeners[payload.event] = listeners[payload.event] || []);
          list.push(payload.callback);
          return Promise.resolve({ unsubscribe: function () { listeners[payload.event] = (listeners[payload.event] || []).filter(function (c) { return c !== payload.callback; }); } });
        }
        case 'emit':
        case 'emitPublic':
          toHost({ type: 'forge-emit', event: payload.event, payload: payload.payload });
          return Promise.resolve();
        case 'enableTheming':
          themed = true;
          return post('getContext').then(function (ctx) { applyTheme(ctx && ctx.theme ? ctx.theme.colorMode : 'light'); });
        case 'navigate':
          return post('__navigation', payload).then(function (to) { toHost({ type: 'forge-navigate', url: to.url, internal: to.internal, newTab: payload.type === 'new-tab' }); });
        case 'reload':
          window.parent.location.reload();
          return Promise.resolve();
        case 'submit':
          return post('submit', payload).then(function (ok) { if (ok) toHost({ type: 'forge-submitted' }); return ok; });
        case 'refresh':
          return post('refresh', payload).then(function (ok) { if (ok) toHost({ type: 'forge-refresh' }); return ok; });
        case 'showFlag':
          toHost({ type: 'forge-flag', flag: { id: payload.id, title: payload.title, description: payload.description, type: payload.type } });
          return Promise.resolve();
        case 'closeFlag':
          toHost({ type: 'forge-close-flag', id: payload.id });
          return Promise.resolve();
        case 'createHistory':
          return Promise.resolve(createHistory());
        case 'emitReadyEvent':
        case 'changeWindowTitle':
        case 'emitFrontendCustomMetric':
        case 'trackObjectStoreAction':
          return Promise.resolve();
        default:
          return post(name, payload);
      }
    },
  };
})();
