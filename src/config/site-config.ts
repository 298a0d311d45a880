// Site configuration: environment variables first, then the notes folder's _config.yml.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

/** A `_config.yml` `defaults` entry: front matter applied to pages under `path`. */
export interface FrontMatterDefault {
  path: string;
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
}

export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

function readJekyllConfig(notesDir: string): Record<string, unknown> {
  const file = path.join(notesDir, '_config.yml');
  if (!existsSync(file)) return {};
  try {
    const data: unknown = parseYaml(readFileSync(file, 'utf8'));
    return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  } catch (error) {
    // A broken _config.yml must not stop the site; the loader reports it with its line.
    console.warn(`${file}: ignored, not valid YAML: ${(error as Error).message}`);
    return {};
  }
}

function readDefaults(raw: Record<string, unknown>): FrontMatterDefault[] {
  const list = Array.isArray(raw.defaults) ? raw.defaults : [];
  return list.flatMap((entry): FrontMatterDefault[] => {
    if (!entry || typeof entry !== 'object') return [];
    const { scope, values } = entry as { scope?: { path?: unknown }; values?: unknown };
    if (!values || typeof values !== 'object') return [];
    const scopePath = typeof scope?.path === 'string' ? scope.path.replace(/^\.?\/+|\/+$/g, '') : '';
    return [{ path: scopePath, values: values as Record<string, unknown> }];
  });
}

const asString = (value: unknown): string => (typeof value === 'string' ? value : '');

export function loadSiteConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): SiteConfig {
  const notesDir = path.resolve(cwd, env.NOTES_DIR || 'content');
  const raw = readJekyllConfig(notesDir);
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
  };
}
