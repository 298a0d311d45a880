// Search results as links: one entry per note, aimed at the heading where the words matched best.
import type { PagefindResultData, PagefindSubResult } from './pagefind-api.ts';

/** Sections shown under a note's main hit. */
const EXTRA_SECTIONS = 2;

/** Pagefind excerpts are text with `<mark>` around the hits; keep just that, never other markup. */
function excerptNodes(excerpt: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = excerpt;
  return [...template.content.childNodes].map((node) => {
    if (node instanceof HTMLElement && node.tagName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? '');
  });
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, children: Array<Node | string> = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  node.append(...children);
  return node;
}

/** Sections ordered by how many hits they hold; the page's own top part only if nothing else matched. */
export function rankSections(data: PagefindResultData): PagefindSubResult[] {
  const sections = data.sub_results.length > 0 ? [...data.sub_results] : [{ title: data.meta.title ?? data.url, url: data.url, excerpt: data.excerpt, locations: [] }];
  return sections.sort((a, b) => b.locations.length - a.locations.length || Number(Boolean(b.anchor)) - Number(Boolean(a.anchor)));
}

function hit(data: PagefindResultData): HTMLLIElement {
  const [best, ...rest] = rankSections(data);
  const pageTitle = data.meta.title ?? data.url;
  const main = element('a', 'search-hit-main', [element('span', 'search-hit-title', [pageTitle])]);
  main.href = best!.url;
  if (best!.anchor && best!.title !== pageTitle) main.append(element('span', 'search-hit-section', [best!.title]));
  main.append(element('span', 'search-hit-excerpt', excerptNodes(best!.excerpt)));
  const item = element('li', 'search-hit', [main]);
  const more = rest.filter((s) => s.anchor).slice(0, EXTRA_SECTIONS);
  if (more.length > 0) {
    item.append(
      element(
        'ul',
        'search-hit-more',
        more.map((section) => {
          const link = element('a', '', [section.title]);
          link.href = section.url;
          return element('li', '', [link]);
        }),
      ),
    );
  }
  return item;
}

export function renderResults(list: HTMLElement, results: PagefindResultData[]): void {
  list.replaceChildren(...results.map(hit));
}
