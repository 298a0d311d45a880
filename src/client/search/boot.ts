// Always on the page, and kept tiny: wires the search boxes and loads the real search code
// (./search-ui.ts, then Pagefind) only when a reader reaches for a box.
type Attach = (root: HTMLElement) => void;
let attach: Promise<Attach> | undefined;

function load(): Promise<Attach> {
  attach ??= import('./search-ui.ts').then((m) => m.attachSearch);
  return attach;
}

function activate(root: HTMLElement): void {
  if (root.dataset.searchReady) return;
  root.dataset.searchReady = 'loading';
  void load().then((attachTo) => attachTo(root));
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/** Opens a collapsed (phone) box and puts the cursor in it. */
export function openSearch(root: HTMLElement): void {
  root.classList.add('is-open');
  root.querySelector('.search-toggle')?.setAttribute('aria-expanded', 'true');
  const input = root.querySelector('input');
  input?.focus();
  input?.select(); // typing replaces an earlier search
}

/** Words of the address that was not found: `/notes/study/vpcPeering.html` → `vpc Peering`. */
export function wordsOfPath(pathname: string, base: string): string {
  const rest = decodeURIComponent(pathname.startsWith(base) ? pathname.slice(base.length) : pathname);
  const last = rest.split('/').filter(Boolean).pop() ?? '';
  return last
    .replace(/\.html?$/i, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[-_.+]+/g, ' ')
    .trim();
}

export function initSearch(): void {
  const roots = [...document.querySelectorAll<HTMLElement>('[data-search]')];
  for (const root of roots) {
    const input = root.querySelector('input');
    // The 404 page searches for the missing address's words straight away.
    if (input && root.dataset.prefill === 'path') {
      input.value = wordsOfPath(location.pathname, root.dataset.base ?? '/');
      if (input.value) activate(root);
    }
    // Hover or focus is the moment to fetch: by the first keystroke the code is usually in.
    for (const event of ['focusin', 'pointerenter', 'input']) root.addEventListener(event, () => activate(root));
    root.querySelector('.search-toggle')?.addEventListener('click', () => {
      if (root.classList.contains('is-open') && input?.value === '') {
        root.classList.remove('is-open');
        root.querySelector('.search-toggle')?.setAttribute('aria-expanded', 'false');
      } else openSearch(root);
    });
  }
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    // The box in the page body (404) comes before the header's, if there is one.
    const root = roots.find((r) => r.dataset.search === 'page') ?? roots[0];
    if (!root) return;
    event.preventDefault();
    openSearch(root);
  });
}
