// PlantUML gives each sequence-diagram lifeline a <title> (the browser's tooltip) made from the
// participant's display name with punctuation and non-ASCII bytes turned into dots:
// `participant "Origin (S3 / ALB / EC2 / On-Prem)"` → `<title>Origin .S3 . ALB . EC2 . On-Prem.</title>`.
// Each such title is matched back to a display name written in the source and shown as written;
// a dotted title that matches none is dropped rather than shown garbled.

const TITLE = /<title>([^<]*)<\/title>/g;

const unescapeXml = (text: string): string =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Quoted names in the source, as a reader would see them: markup removed, `\n` as a space. */
function displayNames(source: string): Array<{ firstLine: string; shown: string }> {
  const names = new Map<string, { firstLine: string; shown: string }>();
  for (const [, quoted] of source.matchAll(/"([^"\n]+)"/g)) {
    // PlantUML titles the first line with its markup; the reader is shown every line without it.
    const lines = quoted!.split(/\\n/);
    const shown = lines.map((l) => l.replace(/<\/?[a-z][^>]*>/gi, '').trim()).filter(Boolean).join(' ');
    names.set(quoted!, { firstLine: lines[0]!.trim(), shown });
  }
  return [...names.values()];
}

/** A dotted title as a pattern: a run of k dots stands for k characters (allowing fewer, should a
 * character be written as two). */
function titlePattern(title: string): RegExp {
  const source = title
    .split(/(\.+)/)
    .map((part) => (part.startsWith('.') ? `[^]{1,${part.length}}` : escapeRegExp(part)))
    .join('');
  return new RegExp(`^${source}$`, 'u');
}

export function repairSvgTitles(svg: string, source: string): string {
  if (!svg.includes('<title>')) return svg;
  let names: ReturnType<typeof displayNames> | undefined;
  return svg.replace(TITLE, (whole, escaped: string) => {
    const title = unescapeXml(escaped);
    if (!title.includes('.')) return whole;
    names ??= displayNames(source);
    const pattern = titlePattern(title.trim());
    const match = names.find((name) => pattern.test(name.firstLine));
    if (match) return `<title>${escapeXml(match.shown)}</title>`;
    // A name written without quotes keeps its dots (`participant Simple.Name`): keep the title.
    if (new RegExp(`(^|[\\s,(])${escapeRegExp(title.trim())}($|[\\s,)])`, 'm').test(source)) return whole;
    return '';
  });
}
