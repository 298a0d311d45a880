// The site around the notes, as the author's Jekyll site drew it: the header's links, the footer's
// links and the icons. Read from the author's own `_includes/header.html`, `footer.html`,
// `head.html` and `_layouts/default.html` (rendered with Liquid, so loops over `site.pages` work);
// without a header of their own, the links a Jekyll theme would pick: `header_pages` from
// `_config.yml`, else every top-level page with a title (minima's rule).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Liquid } from 'liquidjs';
import type { Diagnostics } from '../diagnostics/diagnostics.ts';
import { renderLiquid } from '../liquid/liquid-engine.ts';
import { NotesFolder } from '../loader/confine.ts';
import { withBase } from '../loader/permalink.ts';
import type { Page, SiteModel } from '../loader/site-model.ts';
import type { AuthorIcon, AuthorLink } from './author-html.ts';
import { jekyllPageOrder } from './liquid-scope.ts';
import { importLazily } from '../shared/import-lazily.ts';

export interface SiteLink {
  label: string;
  /** With the base path when it points into the site. */
  href: string;
  /** Leaves the site (e.g. the repository on GitHub). */
  external: boolean;
}

export interface SiteChrome {
  header: SiteLink[];
  footer: SiteLink[];
  /** `<link>`s for the favicon and touch icons, hrefs with the base path. */
  icons: AuthorIcon[];
}

/** Icon files Jekyll sites keep at the root, and how to announce each. */
const ICON_FILES: ReadonlyArray<AuthorIcon & { file: string }> = [
  { file: 'favicon.ico', rel: 'icon', href: '/favicon.ico', sizes: 'any' },
  { file: 'favicon.svg', rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
  { file: 'favicon.png', rel: 'icon', href: '/favicon.png', type: 'image/png' },
  { file: 'apple-touch-icon.png', rel: 'apple-touch-icon', href: '/apple-touch-icon.png' },
];

interface AuthorTemplate {
  file: string;
  html: string;
}

/** One of the author's templates after Liquid (front matter dropped), with its front matter's `layout`. */
async function renderTemplate(
  model: SiteModel,
  liquid: Liquid,
  site: Record<string, unknown>,
  relPath: string,
  diagnostics: Diagnostics,
  content = '',
  /** The layout whose `layout:` names this one: where a refused read is reported. */
  namedIn?: string,
): Promise<(AuthorTemplate & { parent?: string }) | undefined> {
  const file = path.join(model.config.notesDir, relPath);
  if (!existsSync(file)) return undefined;
  // A layout's `layout: ../../x` or a symlinked include could lead out of the notes folder.
  const confined = new NotesFolder(model.config.notesDir).check(file, relPath);
  if (confined.file === undefined) {
    diagnostics.warn(namedIn ?? file, undefined, 'confinement', `${confined.problem}; not read for the site header/footer`);
    return undefined;
  }
  const source = readFileSync(confined.file, 'utf8').replace(/\r\n/g, '\n');
  const frontMatter = /^---\n[\s\S]*?\n---\n/.exec(source)?.[0] ?? '';
  const parent = /^layout:\s*["']?([\w./-]+?)["']?\s*$/m.exec(frontMatter)?.[1];
  const result = await renderLiquid(liquid, source.slice(frontMatter.length), { site, page: {}, content }, { noteDir: path.dirname(file), notesDir: model.config.notesDir });
  const lineOffset = frontMatter.split('\n').length - 1;
  for (const problem of result.problems) diagnostics.warn(file, problem.line + lineOffset, 'liquid', `site header/footer: ${problem.message}`);
  // Unrendered Liquid would yield links to `{{ … }}`: the theme's choice stands in instead.
  return result.problems.length > 0 ? undefined : { file, html: result.text, parent };
}

/** `_layouts/default.html` as Jekyll draws it: inside the layouts it names (`layout: base`), a few deep. */
async function renderDefaultLayout(model: SiteModel, liquid: Liquid, site: Record<string, unknown>, diagnostics: Diagnostics): Promise<AuthorTemplate | undefined> {
  let layout = await renderTemplate(model, liquid, site, '_layouts/default.html', diagnostics);
  const file = layout?.file;
  for (let depth = 0; layout?.parent && depth < 4; depth++) {
    const outer = await renderTemplate(model, liquid, site, `_layouts/${layout.parent}.html`, diagnostics, layout.html, layout.file);
    if (!outer) break;
    layout = outer;
  }
  return layout && file ? { file, html: layout.html } : undefined;
}

/** The site path an author's href names (base and query dropped), or undefined when it leaves the site. */
function sitePath(href: string, base: string): { path: string; hash: string } | undefined {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) return undefined;
  const [beforeHash = '', hash = ''] = href.split('#', 2);
  let pathname = beforeHash.split('?')[0] ?? '';
  if (!pathname.startsWith('/')) pathname = `/${pathname.replace(/^\.\//, '')}`; // relative_url's reading
  if (base !== '/' && (pathname === base.slice(0, -1) || pathname.startsWith(base))) pathname = `/${pathname.slice(base.length)}`;
  return { path: pathname, hash: hash ? `#${hash}` : '' };
}

function toSiteLinks(found: AuthorLink[], model: SiteModel, file: string, diagnostics: Diagnostics): SiteLink[] {
  const { base } = model.config;
  const links: SiteLink[] = [];
  for (const { label, href } of found) {
    const internal = sitePath(href, base);
    if (!internal) {
      links.push({ label, href, external: true });
      continue;
    }
    if (internal.path === '/' || internal.path === '/index.html') continue; // the site title links home
    if (!model.servedUrls.has(internal.path) && !model.servedUrls.has(decodeURI(internal.path))) {
      diagnostics.warn(file, 1, 'broken-link', `site header/footer link ${href}: no page or file at ${internal.path}; left out`);
      continue;
    }
    links.push({ label, href: withBase(internal.path + internal.hash, base), external: false });
  }
  return links.filter((link, i) => links.findIndex((other) => other.href === link.href) === i);
}

/** A title the author gave: front matter, or the note's own `# heading` (jekyll-titles-from-headings). */
function hasOwnTitle(page: Page): boolean {
  return (typeof page.data.title === 'string' && page.data.title.trim() !== '') || /^#\s+\S/m.test(page.body);
}

/** A warning at the `_config.yml` line that names `text`. */
function warnAtConfig(model: SiteModel, diagnostics: Diagnostics, text: string, message: string): void {
  const file = path.join(model.config.notesDir, '_config.yml');
  const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [];
  const index = lines.findIndex((line) => line.includes(text));
  diagnostics.warn(file, index === -1 ? 1 : index + 1, 'config', message);
}

/** Header links as a Jekyll theme picks them when the author wrote no header of their own. */
function themeHeaderPages(model: SiteModel, diagnostics: Diagnostics): Page[] {
  const headerPages = model.config.raw.header_pages;
  if (Array.isArray(headerPages)) {
    return headerPages.map(String).flatMap((rel) => {
      const found = model.pages.find((p) => p.relPath === rel.replace(/^\/+/, ''));
      if (!found) warnAtConfig(model, diagnostics, rel, `header_pages: no page ${rel} in the notes folder; left out of the header`);
      return found ? [found] : [];
    });
  }
  const shown = (p: Page): boolean => !p.hidden && p.url !== '/' && p.outputPath !== '404.html';
  // minima: every page with a title; here the top-level ones (study notes would crowd it out),
  // then each folder's index page (`/study/`), which minima would list too.
  const topLevel = model.pages.filter((p) => shown(p) && !p.relPath.includes('/') && hasOwnTitle(p)).sort(jekyllPageOrder);
  const folders = model.pages.filter((p) => shown(p) && /^\/[^/]+\/$/.test(p.url) && !topLevel.includes(p));
  return [...topLevel, ...folders];
}

function configFooterLinks(raw: Record<string, unknown>): SiteLink[] {
  const links: SiteLink[] = [];
  const repository = typeof raw.repository === 'string' ? raw.repository.trim() : '';
  if (/^[\w.-]+\/[\w.-]+$/.test(repository)) links.push({ label: 'Source', href: `https://github.com/${repository}`, external: true });
  const user = typeof raw.github_username === 'string' ? raw.github_username.trim() : '';
  if (/^[\w-]+$/.test(user)) links.push({ label: user, href: `https://github.com/${user}`, external: true });
  return links;
}

function siteIcons(model: SiteModel, authored: AuthorIcon[]): AuthorIcon[] {
  const { base } = model.config;
  const icons: AuthorIcon[] = [];
  for (const icon of authored) {
    const internal = sitePath(icon.href, base);
    // An icon from elsewhere is never fetched on the reader's behalf.
    if (internal && model.servedUrls.has(internal.path)) icons.push({ ...icon, href: withBase(internal.path, base) });
  }
  const present = new Set(model.assets.map((a) => a.relPath));
  for (const { file, ...icon } of ICON_FILES) if (present.has(file)) icons.push({ ...icon, href: withBase(icon.href, base) });
  return icons.filter((icon, i) => icons.findIndex((other) => other.href === icon.href && other.rel === icon.rel) === i);
}

export async function loadSiteChrome(model: SiteModel, liquid: Liquid, site: Record<string, unknown>, diagnostics: Diagnostics): Promise<SiteChrome> {
  const render = (relPath: string) => renderTemplate(model, liquid, site, relPath, diagnostics);
  const [headerInclude, footerInclude, headInclude, layout] = await Promise.all([
    render('_includes/header.html'),
    render('_includes/footer.html'),
    render('_includes/head.html'),
    renderDefaultLayout(model, liquid, site, diagnostics),
  ]);
  // An HTML parser and selector engine, loaded only for an author's own templates.
  const author = headerInclude || footerInclude || headInclude || layout ? await importLazily(() => import('./author-html.ts'), new URL('./author-html.ts', import.meta.url)) : undefined;
  const layoutTree = layout && author!.parseAuthorHtml(layout.html);

  const headerSource = headerInclude ?? layout;
  const authorHeader = headerSource
    ? toSiteLinks(author!.headerLinks(headerInclude ? author!.parseAuthorHtml(headerInclude.html) : layoutTree!, Boolean(headerInclude)), model, headerSource.file, diagnostics)
    : [];
  const header =
    authorHeader.length > 0
      ? authorHeader
      : themeHeaderPages(model, diagnostics).map((p) => ({ label: p.title, href: withBase(p.url, model.config.base), external: false }));

  const footerSource = footerInclude ?? layout;
  const authorFooter = footerSource
    ? toSiteLinks(author!.footerLinks(footerInclude ? author!.parseAuthorHtml(footerInclude.html) : layoutTree!, Boolean(footerInclude)), model, footerSource.file, diagnostics)
    : [];
  const footer = authorFooter.length > 0 ? authorFooter : configFooterLinks(model.config.raw);

  const authoredIcons = [headInclude, layout].flatMap((t) => (t ? author!.iconLinks(author!.parseAuthorHtml(t.html)) : []));
  return { header, footer, icons: siteIcons(model, authoredIcons) };
}
