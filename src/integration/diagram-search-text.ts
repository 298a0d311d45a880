// Diagram labels for the search index. A diagram's words live only in its SVG, which the index
// leaves out (box labels would otherwise outrank the prose in every section). Instead each
// diagram's labels become a section of their own at the end of the indexed copy of the page, under
// a heading carrying the figure's id: a hit on them links to `page#fig-…`, which opens that figure
// in the viewer. The published page is not changed.
const FIGURE = /<figure\b([^>]*)>([\s\S]*?)<\/figure>/g;
const SVG_TEXT = /<text\b[^>]*>([\s\S]*?)<\/text>/g;
const CAPTION = /<figcaption\b[^>]*>([\s\S]*?)<\/figcaption>/;
const TAGS = /<[^>]+>/g;

/** Labels carry less weight than the note's own words, so prose about a topic still comes first. */
export const DIAGRAM_TEXT_WEIGHT = 0.5;

export interface DiagramText {
  id: string;
  /** The caption as HTML text (escaped as in the page). */
  caption: string;
  /** Each distinct label once, escaped as in the SVG. */
  labels: string[];
}

export function diagramTexts(html: string): DiagramText[] {
  const found: DiagramText[] = [];
  for (const [, attrs = '', body = ''] of html.matchAll(FIGURE)) {
    if (!/\bdata-figure="diagram"/.test(attrs)) continue;
    const id = /\bid="([^"]+)"/.exec(attrs)?.[1];
    if (!id) continue;
    const labels = [...new Set([...body.matchAll(SVG_TEXT)].map((m) => (m[1] ?? '').replace(TAGS, '').replace(/\s+/g, ' ').trim()).filter(Boolean))];
    if (labels.length === 0) continue;
    const caption = (CAPTION.exec(body)?.[1] ?? '').replace(TAGS, '').trim();
    found.push({ id, caption, labels });
  }
  return found;
}

/** The page as the indexer reads it: the diagrams' labels added as sections at the end of the note. */
export function withDiagramText(html: string): string {
  const diagrams = diagramTexts(html);
  const end = html.lastIndexOf('</article>');
  if (diagrams.length === 0 || end < 0) return html;
  const sections = diagrams
    .map((d) => `<h6 id="${d.id}">Diagram: ${d.caption || d.id}</h6><p data-pagefind-weight="${DIAGRAM_TEXT_WEIGHT}">${d.labels.join(' · ')}</p>`)
    .join('');
  return html.slice(0, end) + sections + html.slice(end);
}
