// Jekyll's URL rules (lib/jekyll/url.rb, drops/url_drop.rb, utils.rb, configuration.rb), written
// again here: the built-in permalink styles, `:placeholder` templates, slugify modes and URL
// sanitising, so every post, collection document and page keeps the exact address Jekyll gives it.
// No npm package reproduces Jekyll's rules (its edge cases are Ruby's `gsub`s), hence our own code.

/** Jekyll 4's built-in permalink styles for posts. */
const STYLES: Readonly<Record<string, string>> = {
  none: '/:categories/:title:output_ext',
  date: '/:categories/:year/:month/:day/:title:output_ext',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
};

/** The site-wide `permalink:` setting (a style name or a template); Jekyll's default is `date`. */
export function permalinkStyle(setting: unknown): string {
  return typeof setting === 'string' && setting.trim() ? setting.trim().replace(/^:/, '') : 'date';
}

/** A style name → its template; anything else is already a template. */
export function styleToTemplate(style: string): string {
  return STYLES[style] ?? style;
}

/** Jekyll's `add_permalink_suffix`: a page or collection template ends the way the site style does. */
export function addPermalinkSuffix(template: string, style: string): string {
  if (style === 'pretty') return `${template}/`;
  if (style === 'date' || style === 'ordinal' || style === 'none') return `${template}:output_ext`;
  let result = template;
  if (style.endsWith('/')) result += '/';
  if (style.endsWith(':output_ext')) result += ':output_ext';
  return result;
}

const SLUG_REPLACE: Readonly<Record<string, RegExp>> = {
  raw: /\s+/gu,
  default: /[^\p{M}\p{L}\p{Nd}]+/gu,
  pretty: /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu,
  ascii: /[^A-Za-z0-9]+/g,
  // `latin` transliterates accents first (Jekyll uses I18n); the letters left are ASCII.
  latin: /[^A-Za-z0-9]+/g,
};

/** Jekyll's `Utils.slugify` (modes raw, default, pretty, ascii, latin; `cased` keeps letter case). */
export function slugify(input: string, mode = 'default', cased = false): string {
  const regex = SLUG_REPLACE[mode];
  if (!regex) return cased ? input : input.toLowerCase();
  const text = mode === 'latin' ? input.normalize('NFD').replace(/\p{M}/gu, '') : input;
  // Ruby's `gsub!(/^-|-$/i, "")`: one hyphen at the start and at the end of every line.
  const slug = text.replace(regex, '-').replace(/^-|-$/gm, '');
  return cased ? slug : slug.toLowerCase();
}

/** `my-first-post` → `My First Post` (Jekyll's title for a document without one). */
export function titleizeSlug(slug: string): string {
  return slug
    .split('-')
    .map((word) => (word ? word[0]!.toUpperCase() + word.slice(1).toLowerCase() : word))
    .join(' ');
}

/** Jekyll's `URL.escape_path`: safe paths stay; others are percent-encoded, a `#` too. */
export function escapePath(value: string): string {
  if (value === '' || /^[a-zA-Z0-9./-]+$/.test(value)) return value;
  return encodeURI(value).replace('#', '%23');
}

/** Jekyll's `sanitize_url`: a leading slash, no `..`, no `./`, no repeated slashes. */
export function sanitizeUrl(url: string): string {
  return `/${url}`.replaceAll('..', '/').replaceAll('./', '').replace(/\/{2,}/g, '/');
}

export type Placeholders = Readonly<Record<string, string | undefined>>;

/**
 * Fills a document's template (Jekyll's `generate_url_from_drop`): every `:name` must be known;
 * `:month_:day` reads as `:month` then `_` when `month_` is no placeholder. Unknown names are
 * returned so the caller can report them (Jekyll stops the build there).
 */
export function fillDocumentTemplate(template: string, placeholders: Placeholders): { url: string; unknown: string[] } {
  const unknown: string[] = [];
  const filled = template.replace(/:([a-z_]+)/g, (match, name: string) => {
    const pool = name.endsWith('_') ? [name, name.slice(0, -1)] : [name];
    const winner = pool.find((key) => Object.hasOwn(placeholders, key));
    if (winner === undefined) {
      unknown.push(name);
      return match;
    }
    return match.replace(`:${winner}`, escapePath(placeholders[winner] ?? ''));
  });
  return { url: sanitizeUrl(filled), unknown };
}

/**
 * Fills a page's template (Jekyll's `generate_url_from_hash`): only `:path`, `:basename` and
 * `:output_ext`, each replaced everywhere it occurs, in that order.
 */
export function fillPageTemplate(template: string, placeholders: { path: string; basename: string; output_ext: string }): string {
  let result = template;
  for (const [key, value] of Object.entries(placeholders)) {
    if (!result.includes(':')) break;
    result = result.replaceAll(`:${key}`, escapePath(value));
  }
  return sanitizeUrl(result);
}
