// Jekyll's own Liquid tags that notes use besides include/include_relative:
// `{% highlight lang %}…{% endhighlight %}` becomes a fenced code block (Liquid runs before
// Markdown, so the pipeline highlights it like any fence), and `{% link path.md %}` becomes the
// URL of the page built from that source file, under the base path.
import type { Context, Emitter, Liquid, Parser, TagToken, Template, TopLevelToken } from 'liquidjs';
import { Tag, TokenKind } from 'liquidjs';
import { normalizeBase } from '../config/site-config.ts';
import { withBase } from '../loader/permalink.ts';
import { INCLUDE_BASE_KEY, type IncludeBase } from './include-relative-tag.ts';

class HighlightTag extends Tag {
  readonly language: string;
  readonly templates: Template[] = [];
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remain, liquid);
    // `linenos` and other options are dropped: every code block gets the same presentation.
    this.language = token.args.trim().split(/\s+/)[0] ?? '';
    while (remain.length > 0) {
      const next = remain.shift()!;
      if (next.kind === TokenKind.Tag && (next as TagToken).name === 'endhighlight') return;
      this.templates.push(parser.parseToken(next, remain));
    }
    throw new Error(`tag ${token.getText()} not closed`);
  }
  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const code = String(yield this.liquid.renderer.renderTemplates(this.templates, ctx)).replace(/^\r?\n/, '').replace(/\s+$/, '');
    const fence = '`'.repeat(Math.max(3, ...[...code.matchAll(/`{3,}/g)].map((m) => m[0].length + 1)));
    emitter.write(`${fence}${this.language}\n${code}\n${fence}`);
  }
}

interface LinkTarget {
  path?: unknown;
  url?: unknown;
  slug?: unknown;
  date?: unknown;
}

const POST_NAME = /^(.+\/)*(\d+-\d+-\d+)-(.*)$/;
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `{% post_url [folder/]2024-01-05-slug %}` → the post's URL under the base path, matched the
 * way Jekyll 4 does: by folder, date and slug of its file; then by date and slug alone, which
 * Jekyll accepts with a deprecation message (reported here as a warning at the tag's line).
 */
class PostUrlTag extends Tag {
  readonly name: string;
  readonly line: number;
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    this.name = token.args.trim();
    this.line = token.getPosition()[0] ?? 1;
  }
  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const match = POST_NAME.exec(this.name.replace(/^\//, ''));
    if (!match) throw new Error(`post_url "${this.name}": not a post name (folder/YYYY-MM-DD-slug)`);
    const [, folder = '', date, slug] = match as unknown as [string, string | undefined, string, string];
    const basename = `${date}-${escapeRegExp(slug)}\\.[^.]+`;
    const exact = new RegExp(`^_posts/${escapeRegExp(folder)}${basename}|^${escapeRegExp(folder)}_posts/?${basename}`);
    const posts = (ctx.getSync(['site', 'posts']) ?? []) as LinkTarget[];
    const baseurl = normalizeBase(String(ctx.getSync(['site', 'baseurl']) ?? ''));
    const found = posts.find((p) => exact.test(String(p.path)));
    if (found) {
      emitter.write(withBase(String(found.url), baseurl));
      return;
    }
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const sameDay = (value: unknown): boolean => value instanceof Date && value.getFullYear() === y && value.getMonth() + 1 === m && value.getDate() === d;
    const old = posts.find((p) => p.slug === slug && sameDay(p.date));
    if (!old) throw new Error(`post_url "${this.name}": no post is built from a file of that name`);
    const base = ctx.getSync([INCLUDE_BASE_KEY]) as IncludeBase | undefined;
    base?.problems.push({
      line: this.line,
      message: `post_url "${this.name}" matched ${String(old.path)} only by date and slug; Jekyll deprecates this: write {% post_url ${String(old.path).replace(/(^|\/)_posts\//, '$1').replace(/\.[^.]+$/, '')} %}`,
    });
    emitter.write(withBase(String(old.url), baseurl));
  }
}

class LinkTag extends Tag {
  readonly target: string;
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    this.target = token.args.trim().replace(/^["']|["']$/g, '').replace(/^\/+/, '');
  }
  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    // Pages, then posts and collection documents (by their path, e.g. `_posts/2024-01-05-x.md`).
    const pages = [...((ctx.getSync(['site', 'pages']) ?? []) as LinkTarget[]), ...((ctx.getSync(['site', 'documents']) ?? []) as LinkTarget[])];
    const page = pages.find((p) => p.path === this.target);
    // Jekyll stops the build here; we say which file was meant and let the rest render.
    if (!page) throw new Error(`link "${this.target}": no page is built from that file`);
    // Jekyll 4 prepends the base path, as `relative_url` does.
    const baseurl = String(ctx.getSync(['site', 'baseurl']) ?? '');
    emitter.write(withBase(String(page.url), normalizeBase(baseurl)));
  }
}

export function registerJekyllTags(engine: Liquid): void {
  engine.registerTag('highlight', HighlightTag);
  engine.registerTag('link', LinkTag);
  engine.registerTag('post_url', PostUrlTag);
}
