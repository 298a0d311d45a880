// tests/fixtures/permalink-site copied with one `permalink:` setting added to its _config.yml.
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const PERMALINK_SETTINGS = [
  'date',
  'pretty',
  'ordinal',
  'none',
  'weekdate',
  '/:categories/:title/',
  '/:year/:month/:day/:title:output_ext',
  '/blog/:i_month-:i_day/:short_year/:slug',
  '/:slugified_categories/:long_month/:title.html',
  '/w/:w_year/:week/:w_day/:short_month/:hour:minute:second/:name/',
];

export function withPermalink(setting: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'permalink-site-'));
  cpSync(path.resolve('tests/fixtures/permalink-site'), dir, { recursive: true });
  appendFileSync(path.join(dir, '_config.yml'), `permalink: ${JSON.stringify(setting)}\n`);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
