// Keyboard-wedge capture. Run by Vaadin's executeJs with `this` = the capture element,
// $0 = longest gap between keys of one scan (ms), $1 = fewest keys of a scan, $2 = most keys of a scan.
// One capture per page: a new one replaces the previous listener.
const el = this;
const maxGap = $0, minLength = $1, maxLength = $2;
if (window.__onetripWedge) {
  document.removeEventListener('keydown', window.__onetripWedge, true);
  clearTimeout(window.__onetripWedgeIdle);
}
let keys = '';
let last = 0;
let target = null;
let snapshot = null;

const restore = () => {
  // take the burst back out of the field it was typed into
  if (target && snapshot !== null && 'value' in target) {
    target.value = snapshot.value;
    try { target.setSelectionRange(snapshot.start, snapshot.end); } catch (e) { /* not a text field */ }
    target.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
};
const reset = () => { keys = ''; target = null; snapshot = null; };
const deliver = () => {
  const text = keys;
  restore();
  reset();
  if (el.isConnected && el.$server) {
    el.$server.scanned(text);
  }
};

const onKey = (e) => {
  if (!el.isConnected) {
    document.removeEventListener('keydown', onKey, true);
    return;
  }
  if (e.isComposing || e.ctrlKey || e.altKey || e.metaKey) {
    reset();
    return;
  }
  // when the key was pressed, not when this handler got to it: a busy page must not merge a person's keys
  const now = e.timeStamp || performance.now();
  const gap = now - last;
  last = now;
  clearTimeout(window.__onetripWedgeIdle);
  if (e.key === 'Enter' || e.key === 'Tab') {
    if (keys.length >= minLength && gap <= maxGap) {
      e.preventDefault();
      e.stopPropagation();
      deliver();
    } else {
      reset();
    }
    return;
  }
  if (e.key.length !== 1) {
    return; // Shift and other keys without a character: scanners press Shift for capitals
  }
  if (gap > maxGap || keys.length >= maxLength) {
    // a new burst (or a person typing): remember the field as it was before this key
    reset();
    target = e.composedPath ? e.composedPath()[0] : e.target;
    if (target && 'value' in target) {
      snapshot = { value: target.value, start: target.selectionStart, end: target.selectionEnd };
    }
  }
  keys += e.key;
  // scanners set to send no suffix: a burst followed by silence is a scan too
  window.__onetripWedgeIdle = setTimeout(() => {
    if (keys.length >= minLength && performance.now() - last >= maxGap) {
      deliver();
    }
  }, Math.max(3 * maxGap, 100));
};
window.__onetripWedge = onKey;
document.addEventListener('keydown', onKey, true);
