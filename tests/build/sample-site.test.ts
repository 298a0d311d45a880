// The sample notes (content/) built by Astro, as a user would: permalinks, anchors, tables, text.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/astro-build.ts';

const seedSource = readFileSync('content/study/infrastructureAWSNetwork.md', 'utf8');
let build: BuildResult;

beforeAll(() => {
  build = buildSite(path.resolve('content'));
});

describe('the sample site', () => {
  it('builds with zero warnings and prints a summary', () => {
    expect(build.status, build.output).toBe(0);
    expect(build.output).toMatch(/\d+ pages and \d+ files written to .*, 0 warnings, [\d.]+ s/);
  });

  it('writes the seed note at its permalink with all 37 explicit ids', () => {
    const html = build.read('study/infrastructureAWSNetwork.html');
    const explicit = [...seedSource.matchAll(/\{#([\w:-]+)\}/g)].map((m) => m[1]!);
    expect(explicit).toHaveLength(37);
    for (const id of explicit) expect(html).toContain(`id="${id}"`);
    expect(html).not.toContain('{#');
  });

  it('keeps all 9 study tables, each in its own scroll box', () => {
    const html = build.read('study/infrastructureAWSNetwork.html');
    expect(html.match(/<table class="study-table"/g)).toHaveLength(9);
    expect(html.match(/<div class="table-scroll"[^>]*><table class="study-table"/g)).toHaveLength(9);
  });

  it('shows no mis-decoded text', () => {
    const html = build.read('study/infrastructureAWSNetwork.html');
    expect(html).not.toMatch(/‚Ä|‚Äì|üåê|üîê|\uF8FF/);
    expect(html).toContain('• One IGW per VPC');
    expect(html).toContain('🔐 Site-to-Site VPN – Communication Sequence');
  });

  it('resolves the cross-note link to a real page and heading', () => {
    const seed = build.read('study/infrastructureAWSNetwork.html');
    expect(seed).toContain('href="/study/infrastructureOsiModel#layer-3-56---ipsec"');
    expect(build.read('study/infrastructureOsiModel.html')).toContain('id="layer-3-56---ipsec"');
  });

  it('serves a folder permalink from index.html and lists the notes by Liquid', () => {
    const index = build.read('study/index.html');
    expect(index).toContain('<a href="/study/infrastructureAWSNetwork">AWS Network Services</a>');
    expect(existsSync(path.join(build.outDir, 'index.html'))).toBe(true);
    expect(existsSync(path.join(build.outDir, '.nojekyll'))).toBe(true);
  });

  it('highlights code at build time with a light and a dark theme and ships no highlighter', () => {
    const html = build.read('study/infrastructureOsiModel.html');
    expect(html).toMatch(/<pre class="shiki shiki-themes github-light github-dark"/);
    expect(html).toContain('--shiki-dark:');
    expect(html).toContain('class="copy-code"');
    expect(html).not.toMatch(/<script[^>]+src="https?:/);
  });

  it('gives the note layout a title, a table of contents and a theme script that runs before paint', () => {
    const html = build.read('study/infrastructureAWSNetwork.html');
    expect(html).toMatch(/<h1 class="note-title"[^>]*>AWS Network Services<\/h1>/);
    expect(html).toMatch(/<aside class="page-toc"/);
    expect(html.indexOf('localStorage.getItem')).toBeLessThan(html.indexOf('<link rel="stylesheet"'));
  });
});
