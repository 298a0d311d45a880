// Link previews: pointing at (or focusing, or long-pressing) a link to another note shows that
// note's section title and first lines beside it, from the small JSON the build wrote for the
// page (`_preview/<page>.json`), fetched on first use. The link itself always works as a link:
// a tap follows it at once; touch readers long-press for the preview.
interface Section {
  title: string;
  text: string;
}
interface PagePreview extends Section {
  sections: Record<string, Section>;
}

const SHOW_DELAY_MS = 300;
const LONG_PRESS_MS = 500;
/** Links that preview: those in a note's text and in its "Linked from" list. */
const PREVIEWED = '.prose a[href], .backlinks a[href]';

const cache = new Map<string, Promise<PagePreview | undefined>>();

/** The preview file of a link's page, or nothing for other sites, files and the page itself. */
export function previewFile(url: URL, base: string, here: string): string | undefined {
  if (url.origin !== location.origin || url.pathname === here) return undefined;
  let rest = decodeURIComponent(url.pathname);
  if (!rest.startsWith(base)) return undefined;
  rest = rest.slice(base.length);
  if (rest === '' || rest.endsWith('/')) rest += 'index';
  else if (rest.endsWith('.html')) rest = rest.slice(0, -'.html'.length);
  else if (/\.[a-z0-9]+$/i.test(rest.split('/').pop()!)) return undefined; // a picture, a .puml…
  return `${base}_preview/${encodeURI(rest)}.json`;
}

function load(file: string): Promise<PagePreview | undefined> {
  let entry = cache.get(file);
  if (!entry) {
    entry = fetch(file)
      .then((r) => (r.ok ? (r.json() as Promise<PagePreview>) : undefined))
      .catch(() => undefined);
    cache.set(file, entry);
  }
  return entry;
}

export function initLinkPreviews(): void {
  const base = document.body.dataset.base ?? '/';
  let card: HTMLElement | undefined;
  let shownFor: HTMLAnchorElement | undefined;
  let timer = 0;
  let pressed = false;

  function cardElement(): HTMLElement {
    if (card) return card;
    card = document.createElement('div');
    card.className = 'link-preview';
    card.id = 'link-preview';
    card.setAttribute('role', 'tooltip');
    card.hidden = true;
    document.body.append(card);
    return card;
  }

  function hide(): void {
    clearTimeout(timer);
    if (!shownFor) return;
    shownFor.removeAttribute('aria-describedby');
    shownFor = undefined;
    cardElement().hidden = true;
  }

  async function show(link: HTMLAnchorElement): Promise<void> {
    const file = previewFile(new URL(link.href), base, location.pathname);
    if (!file) return;
    const preview = await load(file);
    // The reader may have moved on while the file loaded.
    if (!preview || !(link.matches(':hover') || link === document.activeElement || pressed)) return;
    const id = decodeURIComponent(new URL(link.href).hash.slice(1));
    const section = (id && preview.sections[id]) || preview;
    const box = cardElement();
    const title = document.createElement('p');
    title.className = 'link-preview-title';
    title.textContent = section === preview ? preview.title : `${preview.title} › ${section.title}`;
    const text = document.createElement('p');
    text.className = 'link-preview-text';
    text.textContent = section.text;
    box.replaceChildren(title, ...(section.text ? [text] : []));
    if (shownFor && shownFor !== link) shownFor.removeAttribute('aria-describedby');
    shownFor = link;
    link.setAttribute('aria-describedby', box.id);
    box.hidden = false;
    place(box, link.getBoundingClientRect());
  }

  function place(box: HTMLElement, at: DOMRect): void {
    const margin = 8;
    const width = box.offsetWidth;
    const height = box.offsetHeight;
    const below = at.bottom + margin + height <= innerHeight || at.top < height + margin;
    box.style.left = `${Math.max(margin, Math.min(at.left, innerWidth - width - margin))}px`;
    box.style.top = `${below ? at.bottom + margin : at.top - height - margin}px`;
  }

  const linkOf = (target: EventTarget | null): HTMLAnchorElement | null =>
    target instanceof Element ? (target.closest(PREVIEWED) as HTMLAnchorElement | null) : null;

  document.addEventListener('pointerover', (event) => {
    const link = linkOf(event.target);
    if (!link || event.pointerType === 'touch' || link === shownFor) return;
    clearTimeout(timer);
    timer = window.setTimeout(() => void show(link), SHOW_DELAY_MS);
  });
  document.addEventListener('pointerout', (event) => {
    const link = linkOf(event.target);
    if (link && event.pointerType !== 'touch' && !link.contains(event.relatedTarget as Node | null) && link !== document.activeElement) hide();
  });
  document.addEventListener('focusin', (event) => {
    // Keyboard focus only: a click or tap focuses the link too, on its way to following it.
    const link = linkOf(event.target);
    if (link?.matches(':focus-visible')) void show(link);
    else hide();
  });
  document.addEventListener('focusout', (event) => {
    if (linkOf(event.target) === shownFor) hide();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && shownFor) hide();
  });
  // The card stays beside its link (focusing a link scrolls it into view after the card is placed).
  addEventListener('scroll', () => shownFor && place(cardElement(), shownFor.getBoundingClientRect()), { passive: true });

  // Touch: a long press shows the preview (and keeps the browser's own menu away that once);
  // a tap still follows the link, a tap elsewhere hides the preview.
  document.addEventListener('pointerdown', (event) => {
    hide();
    const link = linkOf(event.target);
    if (!link || event.pointerType !== 'touch') return;
    timer = window.setTimeout(() => {
      pressed = true;
      void show(link).finally(() => (pressed = false));
    }, LONG_PRESS_MS);
  });
  const releasedEarly = (): void => {
    if (!shownFor) clearTimeout(timer);
  };
  for (const type of ['pointerup', 'pointercancel']) document.addEventListener(type, releasedEarly);
  document.addEventListener('contextmenu', (event) => {
    if (shownFor && linkOf(event.target) === shownFor) event.preventDefault();
  });
}
