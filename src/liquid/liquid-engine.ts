// Liquid runs over each note before Markdown, as in Jekyll, with liquidjs.
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { Liquid, type FS } from 'liquidjs';
import { isInsideFolder, NotesFolder } from '../loader/confine.ts';
import { readTextFile } from '../loader/text-file.ts';
import { registerIncludeRelative, INCLUDE_BASE_KEY, type IncludeBase } from './include-relative-tag.ts';
import { includeTagWithDepth, limitOutput, liquidLimits, OutputLimitError, type LiquidLimits } from './liquid-limits.ts';
import { registerJekyllFilters, type JekyllFilterOptions } from './jekyll-filters.ts';
import { registerJekyllTags } from './jekyll-tags.ts';

export interface LiquidRenderResult {
  text: string;
  /** Problems with their line in the template (1-based); `limit`: a limit stopped the render. */
  problems: Array<{ line: number; message: string; limit?: boolean }>;
}

/** liquidjs's limit messages ("template render limit exceeded", …) and ours. */
const LIMIT_STOP = /limit exceeded|nested more than \d+ deep|output passed/;

/** `{% include %}` reads `_includes/` through the notes folder's confinement rule. */
function confinedFs(notesDir: string): FS {
  const folder = new NotesFolder(notesDir);
  const allowed = (file: string): boolean => folder.check(file).file !== undefined;
  const read = (file: string): string => {
    const { file: real, problem } = folder.check(file);
    if (!real) throw new Error(problem);
    return readTextFile(real).text;
  };
  const contains = (root: string, file: string): boolean => {
    const real = folder.check(file).file;
    try {
      return real !== undefined && isInsideFolder(realpathSync(root), real);
    } catch {
      return false;
    }
  };
  return {
    exists: async (file) => allowed(file),
    existsSync: allowed,
    readFile: async (file) => read(file),
    readFileSync: read,
    resolve: (dir, file, ext) => path.resolve(dir, path.extname(file) ? file : file + ext),
    contains: async (root, file) => contains(root, file),
    containsSync: contains,
    dirname: (file) => path.dirname(file),
    sep: path.sep,
  };
}

export function createLiquidEngine(notesDir: string, filters: JekyllFilterOptions, limits: LiquidLimits = liquidLimits()): Liquid {
  const engine = new Liquid({
    root: [path.join(notesDir, '_includes')],
    fs: confinedFs(notesDir),
    parseLimit: limits.parseLimit,
    renderLimit: limits.renderLimit,
    memoryLimit: limits.memoryLimit,
    jekyllInclude: true,
    dynamicPartials: false,
    strictFilters: false,
    strictVariables: false,
    lenientIf: true,
  });
  registerJekyllFilters(engine, filters);
  registerIncludeRelative(engine);
  registerJekyllTags(engine);
  engine.registerTag('include', includeTagWithDepth(limits.includeDepth));
  limitOutput(engine, limits.outputLimit);
  return engine;
}

function errorLine(error: unknown): number {
  const token = (error as { token?: { getPosition?: () => [number, number] } }).token;
  const position = token?.getPosition?.();
  if (position) return position[0];
  const match = /line:(\d+)/.exec(String((error as Error).message));
  return match ? Number(match[1]) : 1;
}

/** Renders one template; a Liquid error is returned as a problem, never thrown. */
export async function renderLiquid(
  engine: Liquid,
  template: string,
  scope: Record<string, unknown>,
  include: Omit<IncludeBase, 'problems'>,
): Promise<LiquidRenderResult> {
  // Fast path: most notes hold no Liquid at all.
  if (!template.includes('{{') && !template.includes('{%')) return { text: template, problems: [] };
  const base: IncludeBase = { ...include, problems: [] };
  try {
    const text: string = await engine.parseAndRender(template, { ...scope, [INCLUDE_BASE_KEY]: base });
    return { text, problems: base.problems };
  } catch (error) {
    // liquidjs appends template coordinates; the caller reports the file line instead.
    const message = (String((error as Error).message).split('\n')[0] ?? 'Liquid error').replace(/,? line:\d+, col:\d+$/, '');
    // The template is published unrendered; the problem says why.
    const limit = LIMIT_STOP.test(message) || error instanceof OutputLimitError;
    return { text: template, problems: [...base.problems, { line: base.includeLine ?? errorLine(error), message, limit }] };
  }
}
