// The search box's behaviour, loaded on first use: query Pagefind as the reader types, show the
// hits, move through them with the arrow keys, open one with Enter.
import { loadPagefind } from './pagefind-api.ts';
import { renderResults } from './results-view.ts';

/** Notes shown at once; the rest are rarely what anyone was looking for. */
const MAX_RESULTS = 8;

export function attachSearch(root: HTMLElement): void {
  const form = root.querySelector('form')!;
  const input = root.querySelector('input')!;
  const panel = root.querySelector<HTMLElement>('.search-panel')!;
  const status = root.querySelector<HTMLElement>('.search-status')!;
  const list = root.querySelector<HTMLElement>('.search-results')!;
  const base = root.dataset.base ?? '/';
  let latest = 0;

  const links = (): HTMLAnchorElement[] => [...list.querySelectorAll('a')];
  const show = (open: boolean): void => {
    panel.hidden = !open;
  };

  async function run(): Promise<void> {
    const term = input.value.trim();
    const ticket = ++latest;
    if (term === '') {
      list.replaceChildren();
      show(false);
      return;
    }
    show(true);
    status.textContent = 'Searching…';
    try {
      const pagefind = await loadPagefind(base);
      const search = await pagefind.debouncedSearch(term, {}, 120);
      if (search === null || ticket !== latest) return;
      const data = await Promise.all(search.results.slice(0, MAX_RESULTS).map((r) => r.data()));
      if (ticket !== latest) return;
      renderResults(list, data, term);
      const count = search.results.length;
      status.textContent = count === 0 ? `No notes match “${term}”.` : `${count} ${count === 1 ? 'note' : 'notes'} match “${term}”.`;
    } catch {
      list.replaceChildren();
      status.textContent = 'Search is not available here: the search index is written by `npm run build`.';
    }
  }

  function move(from: number, step: number): void {
    const all = links();
    if (all.length === 0) return;
    all[(from + step + all.length) % all.length]!.focus();
  }

  input.addEventListener('input', () => void run());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    links()[0]?.click();
  });
  root.addEventListener('keydown', (event) => {
    const index = links().indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'ArrowDown') move(index, 1);
    else if (event.key === 'ArrowUp' && index >= 0) (index === 0 ? input.focus() : move(index, -1));
    else if (event.key === 'Escape') {
      const wasOpen = !panel.hidden;
      input.focus(); // before hiding: focusing the box reopens a panel that has hits
      if (wasOpen) show(false);
      else root.classList.remove('is-open');
    } else return;
    event.preventDefault();
  });
  // Picking a hit on the page already open only scrolls; the panel must not stay over the text.
  list.addEventListener('click', (event) => {
    if ((event.target as Element).closest('a')) show(false);
  });
  input.addEventListener('focus', () => {
    if (input.value.trim() && list.childElementCount > 0) show(true);
  });
  document.addEventListener('pointerdown', (event) => {
    if (!root.contains(event.target as Node)) show(false);
  });
  root.addEventListener('focusout', (event) => {
    if (!root.contains(event.relatedTarget as Node | null)) show(false);
  });

  root.dataset.searchReady = 'ready';
  if (input.value.trim()) void run();
}
