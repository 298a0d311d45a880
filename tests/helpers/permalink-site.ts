// tests/fixtures/permalink-site copied with one `permalink:` setting added to its _config.yml.
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  // A setting after " @ " is the site's time zone: dates in URLs are its local dates.
  '/:year/:month/:day/:hour/:title/ @ America/New_York',
  'date @ Asia/Tokyo',
];

export function withPermalink(setting: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'permalink-site-'));
  cpSync(path.resolve('tests/fixtures/permalink-site'), dir, { recursive: true });
  const [permalink, timeZone] = setting.split(' @ ');
  const config = path.join(dir, '_config.yml');
  if (timeZone) writeFileSync(config, readFileSync(config, 'utf8').replace('timezone: UTC', `timezone: ${timeZone}`));
  appendFileSync(config, `permalink: ${JSON.stringify(permalink)}\n`);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
