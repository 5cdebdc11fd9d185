// Idle detection, client side. Run by Vaadin's executeJs with `this` = the guard element and
// $0 = the shortest interval between two reports (ms). Reports touches and keys to the server, which alone
// decides when the screen is wiped. One watcher per page: a new one replaces the previous listeners.
const el = this;
const minGap = $0;
const kinds = ['pointerdown', 'touchstart', 'keydown', 'wheel'];
if (window.__onetripIdle) {
  kinds.forEach(k => document.removeEventListener(k, window.__onetripIdle, true));
}
let last = 0;
const onActivity = () => {
  if (!el.isConnected) {
    kinds.forEach(k => document.removeEventListener(k, onActivity, true));
    return;
  }
  const now = Date.now();
  if (now - last < minGap) {
    return;
  }
  last = now;
  if (el.$server) {
    el.$server.active();
  }
};
window.__onetripIdle = onActivity;
kinds.forEach(k => document.addEventListener(k, onActivity, { capture: true, passive: true }));
