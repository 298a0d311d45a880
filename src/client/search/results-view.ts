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

/** The query words a section's excerpt marks as hits (Pagefind wraps hits in <mark>). */
function wordsHit(excerpt: string, words: string[]): number {
  const marked = [...excerpt.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]!.toLowerCase());
  return words.filter((w) => marked.some((m) => m.startsWith(w) || w.startsWith(m))).length;
}

/**
 * How well a section answers `term`: a heading that holds every word wins; then a section whose
 * text hits more of the words ("NAT gateway" in one place beats "gateway" alone); then the weight.
 */
function sectionScore(section: PagefindSubResult, words: string[]): number {
  const title = section.title.toLowerCase();
  const inHeading = section.anchor !== undefined && words.length > 0 && words.every((w) => title.includes(w));
  const weight = section.weighted_locations?.reduce((sum, l) => sum + l.balanced_score, 0) ?? section.locations.length;
  return (inHeading ? 1e9 : 0) + wordsHit(section.excerpt, words) * 1e6 + weight;
}

/** A note's sections, best first; the page's own top part only if it has no sections. */
export function rankSections(data: PagefindResultData, term: string): PagefindSubResult[] {
  const words = term.toLowerCase().split(/\s+/).filter(Boolean);
  const sections = data.sub_results.length > 0 ? [...data.sub_results] : [{ title: data.meta.title ?? data.url, url: data.url, excerpt: data.excerpt, locations: [] }];
  return sections.sort((a, b) => sectionScore(b, words) - sectionScore(a, words));
}

function hit(data: PagefindResultData, term: string): HTMLLIElement {
  const [best, ...rest] = rankSections(data, term);
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

export function renderResults(list: HTMLElement, results: PagefindResultData[], term: string): void {
  list.replaceChildren(...results.map((data) => hit(data, term)));
}
