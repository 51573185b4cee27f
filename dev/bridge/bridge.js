/*
 * The Custom UI bridge, for a plain browser tab: defines globalThis.__bridge.callBridge(name, payload)
 * as @forge/bridge expects it. Calls go to the local host server with this frame's id, which answers
 * them as Forge would (invoke → the app's resolver as the frame's user; getContext → Forge's context;
 * submit → saves the gadget configuration). Loaded from a file, never inline (Forge's CSP).
 */
(function () {
  var script = document.currentScript;
  var frame = new URL(script.src).searchParams.get('frame');
  var listeners = {};
  var themed = false;

  function post(name, payload) {
    return fetch('/__forge/bridge/' + encodeURIComponent(name) + '?frame=' + encodeURIComponent(frame), {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload === undefined ? null : payload),
    }).then(function (r) { return r.json(); }).then(function (r) {
      if (r.error) throw new Error(r.error);
      return r.result;
    });
  }

  function applyTheme(mode) {
    document.documentElement.setAttribute('data-color-mode', mode);
    document.documentElement.setAttribute('data-theme', mode === 'dark' ? 'dark:dark light:light' : 'light:light dark:dark');
    if (!document.getElementById('forge-tokens')) {
      var link = document.createElement('link');
      link.id = 'forge-tokens';
      link.rel = 'stylesheet';
      link.href = '/__forge/tokens.css';
      document.head.appendChild(link);
    }
  }

  window.addEventListener('message', function (e) {
    if (e.origin !== location.origin || !e.data) return;
    if (e.data.type === 'forge-event') (listeners[e.data.event] || []).forEach(function (cb) { cb(e.data.payload); });
    if (e.data.type === 'forge-theme' && themed) applyTheme(e.data.colorMode);
  });

  globalThis.__bridge = {
    callBridge: function (name, payload) {
      switch (name) {
        case 'on':
          (listeners[payload.event] = listeners[payload.event] || []).push(payload.callback);
          return Promise.resolve({ unsubscribe: function () { listeners[payload.event] = (listeners[payload.event] || []).filter(function (c) { return c !== payload.callback; }); } });
        case 'emit':
          window.parent.postMessage({ type: 'forge-emit', event: payload.event, payload: payload.payload }, location.origin);
          return Promise.resolve();
        case 'enableTheming':
          themed = true;
          return post('getContext').then(function (ctx) { applyTheme(ctx.theme.colorMode); });
        case 'open':
        case 'navigate':
          window.parent.postMessage({ type: 'forge-open', target: payload }, location.origin);
          return Promise.resolve();
        case 'submit':
          return post('submit', payload).then(function (r) { window.parent.postMessage({ type: 'forge-submitted' }, location.origin); return r; });
        case 'emitReadyEvent':
        case 'changeWindowTitle':
        case 'refresh':
          return Promise.resolve();
        default:
          return post(name, payload);
      }
    },
  };
})();
