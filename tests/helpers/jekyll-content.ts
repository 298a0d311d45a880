// The real Jekyll's build of a notes folder, with each page's converted content BEFORE its layout:
// a hook plugin (loaded with `--plugins` from a temporary folder) records the content at
// `:post_convert` — kramdown's HTML of a Markdown page, Liquid's output of an HTML page — so the
// comparison never depends on the author's layouts, which this generator replaces on purpose.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface JekyllPage {
  /** The page's URL as Jekyll gives it (`/study/x`, `/study/`). */
  url: string;
  /** The source file, relative to the notes folder. */
  source: string;
  /** The converted content, without the layout. */
  content: string;
}

export interface JekyllBuild {
  /** The output folder (remove it with `dispose`). */
  outDir: string;
  /** Output file (relative, `study/x.html`) → the page written there. */
  pages: Record<string, JekyllPage>;
  dispose: () => void;
}

// GitHub Pages turns on these plugins without `plugins:` in _config.yml; a plain `jekyll build`
// does not. Where the generator builds a folder the GitHub Pages way (src/loader/github-pages.ts),
// the reference must too, or it would miss the pages those plugins make (README indexes, pages
// without front matter). Each is required only if installed (Debian: ruby-jekyll-<name>).
const GITHUB_PAGES_PLUGINS = ['jekyll-optional-front-matter', 'jekyll-readme-index', 'jekyll-titles-from-headings', 'jekyll-default-layout', 'jekyll-relative-links'];

const DUMP_PLUGIN = `# Written by tests/helpers/jekyll-content.ts: records each page's content after conversion.
require 'json'
if ENV['KDIFF_GITHUB_PAGES'] == '1'
  ${JSON.stringify(GITHUB_PAGES_PLUGINS)}.each do |name|
    begin
      require name
    rescue LoadError
      Jekyll.logger.warn 'compare-jekyll:', "#{name} is not installed; GitHub Pages would run it"
    end
  end
end
KDIFF_PAGES = {}
Jekyll::Hooks.register [:pages, :documents], :post_convert do |doc|
  dest = doc.site.dest
  KDIFF_PAGES[doc.destination(dest).delete_prefix(dest + '/')] = { 'url' => doc.url, 'source' => doc.relative_path, 'content' => doc.content }
end
Jekyll::Hooks.register :site, :post_write do |_site|
  File.write(ENV.fetch('KDIFF_DUMP'), JSON.generate(KDIFF_PAGES))
end
`;

/** Builds `notesDir` with the installed Jekyll; `githubPages`: run GitHub Pages' default plugins too. */
export function jekyllBuild(notesDir: string, githubPages: boolean): JekyllBuild {
  const work = mkdtempSync(path.join(tmpdir(), 'compare-jekyll-'));
  const plugins = path.join(work, 'plugins');
  const outDir = path.join(work, 'site');
  const dump = path.join(work, 'pages.json');
  mkdirSync(plugins);
  writeFileSync(path.join(plugins, 'kdiff-dump.rb'), DUMP_PLUGIN);
  const dispose = (): void => rmSync(work, { recursive: true, force: true });
  // `--plugins` replaces the folder's own `_plugins/`, which GitHub Pages never runs either (safe mode).
  const result = spawnSync('jekyll', ['build', '--disable-disk-cache', '--quiet', '-s', notesDir, '-d', outDir, '--plugins', plugins], {
    encoding: 'utf8',
    // A Gemfile in the notes folder would make Jekyll load Bundler; the plugins come from the system.
    env: { ...process.env, JEKYLL_NO_BUNDLER_REQUIRE: 'true', JEKYLL_ENV: 'production', KDIFF_DUMP: dump, KDIFF_GITHUB_PAGES: githubPages ? '1' : '0' },
    timeout: 600_000,
  });
  if (result.status !== 0 || !existsSync(dump)) {
    dispose();
    throw new Error(`jekyll build of ${notesDir} failed:\n${result.stderr}${result.stdout}`);
  }
  const pages = JSON.parse(readFileSync(dump, 'utf8')) as Record<string, JekyllPage>;
  return { outDir, pages, dispose };
}
