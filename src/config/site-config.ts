// Site configuration: environment variables first, then the notes folder's _config.yml.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { invalidUtf8Message, readTextFile } from '../loader/text-file.ts';
import { parseYaml } from '../loader/yaml.ts';

/** A `_config.yml` `defaults` entry: front matter applied to pages under `path`. */
export interface FrontMatterDefault {
  path: string;
  /** `scope.type`: `pages`, `posts`, `drafts` or a collection's label; undefined: any. */
  type?: string;
  values: Record<string, unknown>;
}

export interface SiteConfig {
  /** Absolute path of the notes folder. */
  notesDir: string;
  /** Base path with leading and trailing slash, e.g. `/` or `/notes/`. */
  base: string;
  /** Origin of the deployed site without trailing slash, e.g. `https://me.github.io`; '' if unknown. */
  siteUrl: string;
  title: string;
  description: string;
  /** Extra names excluded from publishing (`exclude:` in `_config.yml`). */
  exclude: string[];
  defaults: FrontMatterDefault[];
  /** The whole parsed `_config.yml`, reachable from Liquid as `site.*`. */
  raw: Record<string, unknown>;
  /** Strict mode (`npm run check`): any warning fails the build. */
  strict: boolean;
  /** Where rendered diagrams and other build caches live. */
  cacheDir: string;
  /** Characters a note (as written, or after its Liquid) may hold: `PAGE_SIZE_LIMIT`, default 20 million. */
  pageSizeLimit: number;
  /** Faults of `_config.yml` (reported as errors by the loader: the site builds with defaults). */
  problems: ConfigProblem[];
}

export interface ConfigProblem {
  file: string;
  line: number;
  message: string;
}

export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

function readJekyllConfig(notesDir: string, problems: ConfigProblem[]): Record<string, unknown> {
  const file = path.join(notesDir, '_config.yml');
  if (!existsSync(file)) return {};
  const { text, invalidUtf8 } = readTextFile(file);
  if (invalidUtf8) problems.push({ file, line: invalidUtf8.line, message: invalidUtf8Message(invalidUtf8) });
  const { value, error } = parseYaml(text);
  // A broken _config.yml must not stop the site, but it must fail `npm run check`: the site
  // would be built with the wrong base path or title.
  if (error) {
    problems.push({ file, line: error.line, message: `not valid YAML, ignored (the site is built with defaults): ${error.message}` });
    return {};
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ file, line: 1, message: 'not a mapping of settings (key: value), ignored' });
    return {};
  }
  return value as Record<string, unknown>;
}

function readDefaults(raw: Record<string, unknown>): FrontMatterDefault[] {
  const list = Array.isArray(raw.defaults) ? raw.defaults : [];
  return list.flatMap((entry): FrontMatterDefault[] => {
    if (!entry || typeof entry !== 'object') return [];
    const { scope, values } = entry as { scope?: { path?: unknown; type?: unknown }; values?: unknown };
    if (!values || typeof values !== 'object') return [];
    const scopePath = typeof scope?.path === 'string' ? scope.path.replace(/^\.?\/+|\/+$/g, '') : '';
    const type = typeof scope?.type === 'string' && scope.type ? scope.type : undefined;
    return [{ path: scopePath, ...(type ? { type } : {}), values: values as Record<string, unknown> }];
  });
}

const asString = (value: unknown): string => (typeof value === 'string' ? value : '');

/** What `astro.config.ts` may set; the environment variables override it (`NOTES_DIR=…`). */
export interface SiteConfigOptions {
  /** The notes folder, absolute or relative to the project (default `content`). */
  notesDir?: string;
}

export function loadSiteConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd(), options: SiteConfigOptions = {}): SiteConfig {
  const notesDir = path.resolve(cwd, env.NOTES_DIR || options.notesDir || 'content');
  const problems: ConfigProblem[] = [];
  const raw = readJekyllConfig(notesDir, problems);
  return {
    notesDir,
    base: normalizeBase(env.SITE_BASE ?? asString(raw.baseurl)),
    siteUrl: (env.SITE_URL || asString(raw.url)).replace(/\/+$/, ''),
    title: asString(raw.title) || 'Study Notes',
    description: asString(raw.description),
    exclude: Array.isArray(raw.exclude) ? raw.exclude.filter((x): x is string => typeof x === 'string') : [],
    defaults: readDefaults(raw),
    raw,
    strict: env.STRICT === '1' || env.STRICT === 'true',
    cacheDir: path.resolve(cwd, env.CACHE_DIR || '.cache'),
    pageSizeLimit: Number(env.PAGE_SIZE_LIMIT) > 0 ? Number(env.PAGE_SIZE_LIMIT) : 20_000_000,
    problems,
  };
}
