// The search index Pagefind writes from built pages: note text and headings in, code and chrome out.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeSearchIndex, type SearchIndexSummary } from '../../../src/integration/pagefind.ts';

const FIXTURES = path.resolve('tests/fixtures/search');
let outDir: string;
let summary: SearchIndexSummary;

interface Fragment {
  url: string;
  content: string;
  meta: { title: string };
  anchors: Array<{ element: string; id: string; text: string }>;
}

/** Pagefind's fragment files: gzip, a signature, then JSON. */
function fragments(): Fragment[] {
  const dir = path.join(outDir, 'pagefind/fragment');
  return readdirSync(dir).map((file) => {
    const text = gunzipSync(readFileSync(path.join(dir, file))).toString('utf8');
    return JSON.parse(text.slice(text.indexOf('{'))) as Fragment;
  });
}

beforeAll(async () => {
  outDir = mkdtempSync(path.join(tmpdir(), 'search-index-'));
  cpSync(FIXTURES, outDir, { recursive: true });
  const page = (file: string, url: string) => ({ file, url, read: async () => readFileSync(path.join(FIXTURES, file), 'utf8'), unlisted: false });
  summary = await writeSearchIndex(outDir, [page('home.html', '/'), page('note.html', '/study/vpc')], mkdtempSync(path.join(tmpdir(), 'search-scratch-')));
}, 60_000);

describe('the search index', () => {
  it('holds only pages with a data-pagefind-body, at their URLs without the base path', () => {
    expect(summary.pages).toBe(1);
    const all = fragments();
    expect(all.map((f) => f.url)).toEqual(['/study/vpc']);
    expect(all[0]!.meta.title).toBe('VPC Basics');
  });

  it('indexes prose and headings, not code listings, diagram text, buttons or the header', () => {
    const { content } = fragments()[0]!;
    expect(content).toContain('A NAT Gateway lets private subnets reach the internet.');
    expect(content).toContain('2. NAT Gateway');
    for (const noise of ['subnetzebracorn', 'create-nat-gateway', 'diagramlabelwombat', 'Copy', 'Header words', '#']) expect(content).not.toContain(noise);
  });

  it('knows each heading by its id and its text without the # link', () => {
    const nat = fragments()[0]!.anchors.find((a) => a.id === 'section-2-nat');
    expect(nat).toMatchObject({ element: 'h2', text: '2. NAT Gateway' });
  });

  it('ships the search API and WASM but none of the unused prebuilt UIs', () => {
    for (const file of ['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json', 'wasm.en.pagefind']) expect(existsSync(path.join(outDir, 'pagefind', file)), file).toBe(true);
    for (const file of ['pagefind-ui.js', 'pagefind-component-ui.js', 'pagefind-highlight.js']) expect(existsSync(path.join(outDir, 'pagefind', file)), file).toBe(false);
  });
});
