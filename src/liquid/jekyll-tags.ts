// Jekyll's own Liquid tags that notes use besides include/include_relative:
// `{% highlight lang %}…{% endhighlight %}` becomes a fenced code block (Liquid runs before
// Markdown, so the pipeline highlights it like any fence), and `{% link path.md %}` becomes the
// URL of the page built from that source file, under the base path.
import type { Context, Emitter, Liquid, Parser, TagToken, Template, TopLevelToken } from 'liquidjs';
import { Tag, TokenKind } from 'liquidjs';
import { normalizeBase } from '../config/site-config.ts';
import { withBase } from '../loader/permalink.ts';

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

class LinkTag extends Tag {
  readonly target: string;
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    this.target = token.args.trim().replace(/^["']|["']$/g, '').replace(/^\/+/, '');
  }
  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const pages = (ctx.getSync(['site', 'pages']) ?? []) as Array<{ path?: unknown; url?: unknown }>;
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
}
