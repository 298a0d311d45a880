// Highlights the section being read in the "On this page" list, and folds the list on phones.
export function initPageToc(): void {
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
