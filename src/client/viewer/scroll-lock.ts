// Keeps the page behind the open viewer still. `overflow: hidden` alone does not stop iOS Safari
// from scrolling the page under a fixed layer, so the body is pinned in place (position: fixed at
// the current offset) and put back where it was on close.
let savedY = 0;

export function lockScroll(): void {
  savedY = scrollY;
  const { style } = document.body;
  style.position = 'fixed';
  style.top = `-${savedY}px`;
  style.insetInline = '0';
  document.documentElement.classList.add('viewer-open');
}

export function unlockScroll(): void {
  const { style } = document.body;
  style.position = '';
  style.top = '';
  style.insetInline = '';
  document.documentElement.classList.remove('viewer-open');
  scrollTo({ top: savedY, behavior: 'instant' });
}
