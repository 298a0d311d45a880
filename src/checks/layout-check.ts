// Unknown `layout:` names: reported where the name is written (the note's front matter, or the
// `_config.yml` default that gave it), and the page is drawn with the plain page layout.
import { isKnownLayout, KNOWN_LAYOUTS } from '../config/layouts.ts';

export interface LayoutFinding {
  file: string;
  line: number | undefined;
  message: string;
}

export interface LayoutSource {
  file: string;
  layout: string;
  /** The note's text (front matter included). */
  source: string;
}

/** 1-based line of a top-level `key:` in a note's front matter, if written there. */
export function frontMatterKeyLine(source: string, key: string): number | undefined {
  const lines = source.split('\n');
  if (!/^---\s*$/.test(lines[0] ?? '')) return undefined;
  for (let i = 1; i < lines.length; i++) {
    if (/^(---|\.\.\.)\s*$/.test(lines[i]!)) return undefined;
    if (new RegExp(`^${key}\\s*:`).test(lines[i]!)) return i + 1;
  }
  return undefined;
}

/** 1-based line of `layout: name` in `_config.yml`, if a default sets it. */
export function configLayoutLine(config: string, layout: string): number | undefined {
  const index = config.split('\n').findIndex((line) => new RegExp(`^\\s*layout\\s*:\\s*["']?${layout.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*(#.*)?$`).test(line));
  return index === -1 ? undefined : index + 1;
}

export function checkLayouts(pages: readonly LayoutSource[], config: { file: string; text: string }): LayoutFinding[] {
  const known = KNOWN_LAYOUTS.join(', ');
  return pages.flatMap((page): LayoutFinding[] => {
    if (isKnownLayout(page.layout)) return [];
    const message = `unknown layout "${page.layout}" (known: ${known}); drawn with the plain page layout`;
    const line = frontMatterKeyLine(page.source, 'layout');
    if (line !== undefined) return [{ file: page.file, line, message }];
    const configLine = configLayoutLine(config.text, page.layout);
    return configLine !== undefined
      ? [{ file: config.file, line: configLine, message: `${message} (set by a _config.yml default)` }]
      : [{ file: page.file, line: 1, message }];
  });
}
