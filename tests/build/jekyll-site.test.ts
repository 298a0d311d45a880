// A Jekyll notes repository (tests/fixtures/jekyll-site) built unchanged: Jekyll's URLs and heading
// ids, Liquid index tables, the problem log, pages outside the notes, and the link checker —
// then the inline scripts driven in Chromium.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../e2e/chromium.ts';
import { buildSite, type BuildResult } from '../helpers/astro-build.ts';
import { unreachedPages, unreachedTargets } from '../helpers/chrome-links.ts';

const FIXTURE = path.resolve('tests/fixtures/jekyll-site');

let build: BuildResult;
let strict: BuildResult;
let based: BuildResult;

beforeAll(() => {
  build = buildSite(FIXTURE);
  strict = buildSite(FIXTURE, { STRICT: '1' });
  based = buildSite(FIXTURE, { SITE_BASE: '/notes/' });
});

const warnings = (result: BuildResult): string[] => result.output.split('\n').filter((line) => / warning \[/.test(line));
const ids = (html: string): string[] => [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);
const tableRows = (html: string, tableId: string): string[] => {
  const table = new RegExp(`<table[^>]*id="${tableId}"[\\s\\S]*?</table>`).exec(html)?.[0] ?? '';
  return [...table.matchAll(/<tbody>([\s\S]*?)<\/tbody>/g)].flatMap((m) => [...m[1]!.matchAll(/<tr[\s\S]*?<\/tr>/g)].map((r) => r[0]));
};

describe('a Jekyll repository builds unchanged', () => {
  it('publishes every page at the URL Jekyll gives it, and nothing Jekyll would not publish', () => {
    expect(build.status, build.output).toBe(0);
    const files = [
      'index.html', // index.md, layout home
      'principles.html', // no permalink: /principles.html
      'projects.html',
      'setup/macos/index.html', // permalink /setup/macos/
      'study/index.html', // permalink /study/
      'study/infrastructureOsiModel.html', // permalink without extension
      'study/infrastructureAWSNetwork.html',
      'study/infrastructureDraft.html', // hidden pages are still published
      'study/cheatsheet.html',
      'study/leetcodes/index.html',
      'study/leetcodes/0001-two-sum.html',
      'study/leetcodes/0015-3sum.html',
      'study/leetcodes/0042-trapping-rain-water.html',
      'study/leetcodes/0207-course-schedule.html',
      'assets/projects.json',
      'assets/demo.html',
      'study/assets/osi.svg',
    ];
    for (const file of files) expect(existsSync(path.join(build.outDir, file)), file).toBe(true);
    for (const file of ['README.html', 'README.md', '_layouts/default.html', '_includes/nav.html', '_data/projects.yml', '_config.yml']) {
      expect(existsSync(path.join(build.outDir, file)), file).toBe(false);
    }
  });

  it('gives headings the ids Jekyll gives them: {#id}, GFM auto ids with repeats and emoji, kramdown ids inside markdown="1"', () => {
    expect(ids(build.read('principles.html'))).toEqual(expect.arrayContaining(['learn-in-public', '2-desk-stretch-routine', '2-desk-stretch-routine-1']));
    expect(ids(build.read('setup/macos/index.html'))).toEqual(expect.arrayContaining(['terminal', '\uFE0F-zsh--powerlevel10k', '-homebrew-the-basics']));
    expect(ids(build.read('study/infrastructureOsiModel.html'))).toEqual(
      expect.arrayContaining(['section-1-overview', 'section-3-4-layer-3-56---ipsec', 'context--the-system-in-its-world', 'containers--components']),
    );
  });

  it('renders the Liquid problem-log index: rows sorted by leetcode_id, padded ids, joined topics, dates', () => {
    const html = build.read('study/leetcodes/index.html');
    const rows = tableRows(html, 'problem-table');
    expect(rows.map((row) => /<td>(\d{4})<\/td>/.exec(row)?.[1])).toEqual(['0001', '0015', '0042', '0207']);
    expect(rows[0]).toContain('<a href="/study/leetcodes/0001-two-sum">Two Sum</a>');
    expect(rows[0]).toContain('<td>Array, Hash Table</td>');
    expect(rows[0]).toContain('<td>05 Mar 2024</td>');
    expect(rows[1]).toContain('<td></td>'); // 3Sum has no time_taken: default ""
    expect(html).not.toMatch(/<pre[^>]*>[\s\S]*?&#x3C;tr/); // no row fell into a code block
    expect(html).toMatch(/<script>[\s\S]*PAGE_SIZE = 2[\s\S]*<\/script>/);
  });

  it('renders Liquid loops over site.pages on the study index and the home page, skipping hidden pages', () => {
    const study = build.read('study/index.html');
    expect(tableRows(study, 'study-index').map((row) => />([^<]+)<\/a>/.exec(row)?.[1])).toEqual(['AWS Network Services', 'The OSI Model']);
    expect(study).toContain('3 infrastructure notes so far.'); // capture + strip + where_exp (hidden pages count here)
    expect(study).toContain('<p class="problem-count">4 problems solved</p>'); // {% include %} from _includes/
    const home = build.read('index.html');
    expect(home).toMatch(/<ul class="infra-list">\s*<li><a href="\/study\/infrastructureAWSNetwork">AWS Network Services<\/a><\/li>\s*<li><a href="\/study\/infrastructureOsiModel">The OSI Model<\/a><\/li>\s*<\/ul>/);
    expect(home).not.toContain('Infra draft');
    expect(home).toContain('class="study-tiles"');
  });

  it('supports Jekyll tags: {% highlight %} is a highlighted code block, {% link %} the page URL', () => {
    const mac = build.read('setup/macos/index.html');
    expect(mac).toMatch(/<pre class="shiki[^"]*"[^>]*>[\s\S]*Welcome to Fixture Notes/);
    expect(mac).toMatch(/<code class="language-bash">[\s\S]*Welcome to Fixture Notes/);
    expect(build.read('principles.html')).toContain('<a href="/setup/macos/">the Mac setup</a>');
  });

  it('draws a leetcode note with its problem header above the note', () => {
    const html = build.read('study/leetcodes/0001-two-sum.html');
    const header = /<section class="problem-meta"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(header).toContain('#0001');
    expect(header).toMatch(/class="difficulty-pill difficulty-easy"[^>]*>[\s\S]*Easy/);
    expect(header).toMatch(/<dt>Pattern<\/dt>\s*<dd>Hash Map<\/dd>/);
    expect(header).toMatch(/<dt>Time taken<\/dt>\s*<dd>02:19<\/dd>/);
    expect(header).toContain('<time datetime="2024-03-05">5 Mar 2024</time>');
    expect(header).toContain('href="https://leetcode.com/problems/two-sum/"');
    expect(header).toMatch(/<li>Array<\/li>\s*<li>Hash Table<\/li>/);
    expect(html.indexOf('problem-meta')).toBeLessThan(html.indexOf('id="approach"'));
    expect(build.read('study/leetcodes/0042-trapping-rain-water.html')).toContain('difficulty-hard');
  });

  it('keeps a problem note\'s own # title, with the problem header under it', () => {
    const html = build.read('study/leetcodes/0015-3sum.html');
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(html).toMatch(/<h1 id="15-3sum">15\. 3Sum<\/h1>\s*<section class="problem-meta"/);
  });

  it('builds pages outside the notes as authored: data from _data, iframes, a fetching script, {% raw %}', () => {
    const html = build.read('projects.html');
    expect(html).toContain('<a href="https://example.com/labs">Packet Tracer Labs</a> — Routing and switching labs');
    expect(html).toContain('<iframe src="/assets/demo.html"');
    expect(html).toContain('src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"');
    expect(html).toContain("fetch('/assets/projects.json')");
    expect(html).toContain('A template the script keeps literally: {{ project.name }}');
  });

  it('header links as minima picks them (its own nav links only home): top-level pages with a title, then folder indexes; Jekyll\'s nav links reachable here too', () => {
    const header = /<header class="site-header"[\s\S]*?<\/header>/.exec(build.read('study/cheatsheet.html'))?.[0] ?? '';
    expect([...header.matchAll(/<li><a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => `${m[2]} ${m[1]}`)).toEqual([
      'Principles /principles.html',
      'Projects /projects.html',
      'Study Notes /study/',
    ]);
    expect(unreachedTargets('jekyll-site', build.read)).toEqual([]);
    // And every page Jekyll's site let a reader reach from its home page, by any link.
    expect(unreachedPages('jekyll-site', build.outDir)).toEqual([]);
  });

  it('draws an unknown layout as a plain page and says where the layout is named', () => {
    expect(build.read('study/cheatsheet.html')).toContain('class="page-main');
    expect(build.output).toMatch(/study\/cheatsheet\.md:3: warning \[layout\] unknown layout "fancy"/);
  });

  it('reports exactly the faults the fixture holds: its one broken anchor (with note and line) and the unknown layout', () => {
    const found = warnings(build);
    expect(found, build.output).toHaveLength(2);
    expect(found.join('\n')).toMatch(
      /study\/infrastructureAWSNetwork\.md:14: warning \[broken-anchor\] link \/study\/infrastructureOsiModel#layer-3-56---ipsec: .*did you mean #section-3-4-layer-3-56---ipsec/,
    );
  });

  it('npm run check (STRICT=1) fails and names the broken anchor, its note and line', () => {
    expect(strict.status).not.toBe(0);
    expect(strict.output).toMatch(/infrastructureAWSNetwork\.md:14: warning \[broken-anchor\] link \/study\/infrastructureOsiModel#layer-3-56---ipsec/);
  });

  it('under a base path, Liquid links carry it and the checker finds the same single broken anchor', () => {
    expect(based.status, based.output).toBe(0);
    expect(tableRows(based.read('study/leetcodes/index.html'), 'problem-table')[0]).toContain('href="/notes/study/leetcodes/0001-two-sum"');
    expect(based.read('projects.html')).toContain("fetch('/notes/assets/projects.json')");
    expect(warnings(based).filter((w) => w.includes('[broken-') || w.includes('[missing-image]'))).toHaveLength(1);
  });
});

/** A free local port, so parallel runs of the suite do not collide. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe('the inline scripts work in Chromium', () => {
  let server: ChildProcess;
  let browser: Browser;
  let PORT: number;

  beforeAll(async () => {
    PORT = Number(process.env.E2E_PORT ?? (await freePort()));
    server = spawn(process.execPath, ['scripts/serve-dist.ts'], { env: { ...process.env, DIST_DIR: build.outDir, PORT: String(PORT), SITE_BASE: '/' }, stdio: 'pipe' });
    await new Promise<void>((resolve, reject) => {
      server.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('serving') && resolve());
      server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    browser = await chromium.launch(chromiumLaunchOptions());
  });

  afterAll(async () => {
    await browser?.close();
    server?.kill();
  });

  it('the problem-log filter and pager work over the Liquid-generated table', async () => {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/study/leetcodes/`);
    const visibleIds = (): Promise<string[]> =>
      page.$$eval('#problem-table tbody tr:not([hidden]) td:first-child', (cells) => cells.map((cell) => cell.textContent ?? ''));
    expect(await visibleIds()).toEqual(['0001', '0015']);
    expect(await page.textContent('#page-status')).toBe('Page 1 of 2 (4 problems)');
    await page.click('#next-page');
    expect(await visibleIds()).toEqual(['0042', '0207']);
    await page.selectOption('#difficulty-filter', 'medium');
    expect(await visibleIds()).toEqual(['0015', '0207']);
    await page.fill('#title-filter', 'course');
    expect(await visibleIds()).toEqual(['0207']);
    expect(await page.textContent('#page-status')).toBe('Page 1 of 1 (1 problems)');
    await page.close();
  });

  it('a page script fetches a JSON file of the site in the browser', async () => {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/projects.html`);
    await page.waitForSelector('#project-status li[data-status]');
    expect(await page.$$eval('#project-status li', (items) => items.map((item) => item.textContent))).toEqual([
      'Packet Tracer Labs — active',
      'Home Lab — paused',
      'Notes Site — active',
    ]);
    expect(await page.frameLocator('iframe[title="Demo page"]').locator('#demo-body').textContent()).toBe('An embedded demo page.');
    await page.close();
  });
});
