// Highlights the section being read in the "On this page" list, and folds the list on phones.
// Also: heading anchors copy their link, and following an in-page link moves keyboard focus there.
import { HEADING_ANCHOR } from '../shared/markup.ts';

export function initPageToc(): void {
  initHeadingLinks();
  const toc = document.querySelector<HTMLElement>('.page-toc');
  if (!toc) return;
  const details = toc.querySelector('details');
  const narrow = matchMedia('(max-width: 68rem)');
  if (details && narrow.matches) details.open = false;

  const links = new Map<string, HTMLAnchorElement>();
  for (const link of toc.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) links.set(decodeURIComponent(link.hash.slice(1)), link);
  const headings = [...links.keys()].map((id) => document.getElementById(id)).filter((h): h is HTMLElement => h !== null);
  if (headings.length === 0) return;

  let current: HTMLAnchorElement | undefined;
  const update = (): void => {
    // The active section is the last heading above the top fifth of the viewport.
    const line = innerHeight * 0.2;
    let active = headings[0]!;
    for (const heading of headings) {
      if (heading.getBoundingClientRect().top <= line) active = heading;
      else break;
    }
    const link = links.get(active.id);
    if (link === current) return;
    current?.removeAttribute('aria-current');
    link?.setAttribute('aria-current', 'location');
    current = link;
    // A long list scrolls in its own box beside the text: keep the active entry in it.
    const box = link?.closest('details');
    if (link && box && !narrow.matches && box.scrollHeight > box.clientHeight) {
      const top = link.offsetTop - box.offsetTop;
      if (top < box.scrollTop || top > box.scrollTop + box.clientHeight - link.offsetHeight) box.scrollTop = top - box.clientHeight / 3;
    }
  };
  let queued = false;
  addEventListener(
    'scroll',
    () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        update();
      });
    },
    { passive: true },
  );
  update();
  // On phones, choosing a section closes the list so the text is visible.
  toc.addEventListener('click', (event) => {
    if (details && narrow.matches && (event.target as Element).closest('a')) details.open = false;
  });
}

/** The "#" beside a heading copies the section's address (and still goes there). */
function initHeadingLinks(): void {
  const status = document.createElement('p');
  status.style.cssText = 'position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap';
  status.setAttribute('role', 'status');
  document.body.append(status);
  document.addEventListener('click', (event) => {
    const anchor = (event.target as Element).closest<HTMLAnchorElement>(`a.${HEADING_ANCHOR}`);
    if (!anchor || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    navigator.clipboard?.writeText(anchor.href).then(
      () => {
        anchor.dataset.copied = '';
        status.textContent = 'Link to the section copied';
        setTimeout(() => {
          delete anchor.dataset.copied;
          status.textContent = '';
        }, 1600);
      },
      () => undefined, // no clipboard permission: the link still leads to the section
    );
  });
  // After a jump to a section (TOC, anchors, Back), keyboard focus follows, so Tab continues from there.
  addEventListener('hashchange', () => {
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!target || !/^H[1-6]$/.test(target.tagName)) return;
    target.tabIndex = -1;
    target.focus({ preventScroll: true });
  });
}
