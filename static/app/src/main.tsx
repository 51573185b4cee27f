/**
 * The bundle's entry. @forge/bridge needs the host's `__bridge` when it loads, so it is loaded only
 * once that is known to be there; without it the page says so instead of staying blank.
 */
const container = document.getElementById('root');

function fail(message: string): void {
  if (!container) return;
  const box = document.createElement('div');
  box.className = 'ob state';
  const alert = document.createElement('div');
  alert.className = 'error';
  alert.setAttribute('role', 'alert');
  alert.textContent = message;
  box.appendChild(alert);
  container.replaceChildren(box);
}

if (!container) {
  // nothing to render into: not our page
} else if (!(globalThis as { __bridge?: { callBridge?: unknown } }).__bridge?.callBridge) {
  fail('Ownership Balance runs inside Jira: the Forge bridge is missing on this page.');
} else {
  import('./app-root').then(
    (app) => app.start(container),
    () => fail('Ownership Balance could not load. Reload the page to try again.'),
  );
}
export {};
