// Issue 10: nothing outside the notes folder leaks, no note hangs or sinks the build, every fault
// is named with file and line. Each leak, hang and abort of the issue is reproduced here in a
// notes folder of our own (the symbolic links are made by the test), built by the real Astro.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/astro-build.ts';
import { filesHolding, gzipFileCount } from '../helpers/leak-check.ts';
import { writeNotesFolder } from '../helpers/notes-folder.ts';

const OUTSIDE = `OUTSIDE-SECRET-${process.pid}-${Date.now()}`;
const GIT_TOKEN = `GIT-TOKEN-${process.pid}-${Date.now()}`;
const GOOD_LAST_LINE = 'The last paragraph of the good note, published whole.';

const aliasBomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join('\n');

const files: Record<string, string> = {
  '_config.yml': 'title: Hardening\nexclude:\n  - [broken\n',
  'good.md': `---\ntitle: Good\npermalink: /good\n---\n\n## Fine {#fine}\n\nFirst paragraph.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n${GOOD_LAST_LINE}\n`,
  'leak-file.md': '---\ntitle: Leak file\npermalink: /leak-file\n---\n\nBefore.\n\n{% include_relative secret.txt %}\n\nAfter the file leak.\n',
  'sub/leak-dir.md': '---\ntitle: Leak dir\npermalink: /leak-dir\n---\n\nBefore.\n\n{% include_relative ../linked/file.txt %}\n\nAfter the folder leak.\n',
  'git.md': '---\ntitle: Git\npermalink: /git\n---\n\n{% include_relative .git/config %}\n\nAfter the git leak.\n',
  '.git/config': `[http]\n  extraheader = AUTHORIZATION: basic ${GIT_TOKEN}\n`,
  'include-self.md': '---\ntitle: Self include\npermalink: /self\n---\n\nText.\n\n{% include self.html %}\n\nAfter the loop.\n',
  '_includes/self.html': 'again {% include self.html %}\n',
  'include-outside.md': '---\ntitle: Include outside\npermalink: /include-outside\n---\n\n{% include evil.html %}\n\nAfter the include.\n',
  'nested-loop.md': '---\ntitle: Loop\npermalink: /loop\n---\n\nText.\n\n{% for i in (1..100000) %}{% for j in (1..100000) %}{% endfor %}{% endfor %}\n',
  'huge-output.md': '---\ntitle: Huge\npermalink: /huge\n---\n\n{% for i in (1..3000000) %}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx{% endfor %}\n',
  'alias-bomb.md': `---\ntitle: Bomb\n${aliasBomb}\n---\n\nBody of the bomb.\n`,
  '_data/bomb.yml': `${aliasBomb}\n`,
  'empty.md': '',
  'three-lines.md': '---\ntitle: Three\npermalink: /three\n---\n\nIntro.\n\n{{ page.nothing | default: "[one](#missing-1)" }}\n{{ page.nothing | default: "[two](#missing-2)" }}\n{{ page.nothing | default: "[three](#missing-3)" }}\n',
  'assets/ok.txt': 'an ordinary file\n',
};

let notes: string;
let build: BuildResult;
let strict: BuildResult;

beforeAll(() => {
  const outside = mkdtempSync(path.join(tmpdir(), 'hardening-outside-'));
  writeFileSync(path.join(outside, 'secret.txt'), `${OUTSIDE} password file\n`);
  mkdirSync(path.join(outside, 'dir'));
  writeFileSync(path.join(outside, 'dir', 'file.txt'), `${OUTSIDE} in a linked folder\n`);
  notes = writeNotesFolder(files, 'hardening-notes-');
  writeFileSync(path.join(notes, 'bad-utf8.md'), Buffer.concat([Buffer.from('---\ntitle: Latin-1\npermalink: /latin1\n---\n\nFine line.\n\nCaf'), Buffer.from([0xe9]), Buffer.from(' au lait\n')]));
  symlinkSync(path.join(outside, 'secret.txt'), path.join(notes, 'secret.txt'));
  symlinkSync(path.join(outside, 'dir'), path.join(notes, 'linked'));
  symlinkSync(path.join(outside, 'secret.txt'), path.join(notes, '_includes', 'evil.html'));
  symlinkSync(path.join(outside, 'secret.txt'), path.join(notes, 'assets', 'leak.png'));
  symlinkSync(path.join(notes, 'assets', 'ok.txt'), path.join(notes, 'assets', 'alias.txt'));
  // The author's header and layout chain, read for the site chrome: a symlinked header include and a
  // default layout whose `layout:` climbs out of the folder must not bring the outside file's links.
  writeFileSync(path.join(outside, 'chrome.html'), `<header><a href="/${OUTSIDE}">${OUTSIDE}</a></header>\n{{ content }}\n`);
  symlinkSync(path.join(outside, 'chrome.html'), path.join(notes, '_includes', 'header.html'));
  mkdirSync(path.join(notes, '_layouts'));
  const climb = path.relative(path.join(notes, '_layouts'), path.join(outside, 'chrome'));
  writeFileSync(path.join(notes, '_layouts', 'default.html'), `---\nlayout: ${climb}\n---\n{{ content }}\n`);
  const env = { LIQUID_RENDER_LIMIT_MS: '2000', PAGE_SIZE_LIMIT: '2000000' };
  build = buildSite(notes, env);
  strict = buildSite(notes, { ...env, STRICT: '1' });
});

describe('confinement', () => {
  it('publishes no byte of a file outside the notes folder or in .git, search index included', () => {
    expect(build.status, build.output).toBe(0);
    expect(gzipFileCount(build.outDir)).toBeGreaterThan(0);
    expect(filesHolding(build.outDir, OUTSIDE)).toEqual([]);
    expect(filesHolding(build.outDir, GIT_TOKEN)).toEqual([]);
  });

  it('names the file and line of every refused read; the rest of each page is published', () => {
    expect(build.output).toMatch(/leak-file\.md:8: warning \[liquid\] include_relative "secret\.txt" is a symbolic link pointing outside the notes folder/);
    expect(build.output).toMatch(/sub\/leak-dir\.md:8: warning \[liquid\] include_relative "\.\.\/linked\/file\.txt" is a symbolic link pointing outside the notes folder/);
    expect(build.output).toMatch(/git\.md:6: warning \[liquid\] include_relative "\.git\/config" is inside "\.git", a hidden file or folder/);
    expect(build.output).toMatch(/include-outside\.md:6: warning \[liquid\] .*evil\.html/);
    expect(build.output).toMatch(/assets\/leak\.png: error \[confinement\] assets\/leak\.png is a symbolic link pointing outside the notes folder; not published/);
    expect(build.output).toMatch(/_includes\/header\.html: warning \[confinement\] _includes\/header\.html is a symbolic link pointing outside the notes folder; not read for the site header\/footer/);
    expect(build.output).toMatch(/_layouts\/default\.html: warning \[confinement\] _layouts\/\.\.\/.*chrome\.html is outside the notes folder; not read for the site header\/footer/);
    expect(build.read('leak-file.html')).toContain('After the file leak.');
    expect(build.read('leak-dir.html')).toContain('After the folder leak.');
    expect(build.read('git.html')).toContain('After the git leak.');
    expect(build.read('include-outside.html')).toContain('After the include.');
  });

  it('publishes a link that stays inside the notes folder', () => {
    expect(build.read('assets/alias.txt')).toBe('an ordinary file\n');
    expect(() => build.read('assets/leak.png')).toThrow();
  });
});

describe('limits', () => {
  it('stops an include that includes itself, a 10^5 × 10^5 loop and a huge output, each an error with its line', () => {
    expect(build.output).toMatch(/include-self\.md:8: error \[liquid-limit\] include nested more than 10 deep/);
    expect(build.output).toMatch(/nested-loop\.md:8: error \[liquid-limit\] template render limit exceeded/);
    // Whichever limit stops it first on a busy machine (time or size; each has its unit test).
    expect(build.output).toMatch(/huge-output\.md:6: error \[liquid-limit\] (the page's Liquid output passed 2 MB|template render limit exceeded)/);
    expect(build.read('loop.html')).toContain('Text.');
  });

  it('reports YAML alias bombs in front matter and _data with file and line, and builds the rest', () => {
    expect(build.output).toMatch(/alias-bomb\.md:4: warning \[front-matter\] .*Excessive alias count/);
    expect(build.output).toMatch(/_data\/bomb\.yml:2: error \[data\] not valid YAML: Excessive alias count/);
    expect(build.read('good.html')).toContain(GOOD_LAST_LINE);
  });
});

describe('every fault named', () => {
  it('reports an invalid _config.yml with its line, invalid UTF-8 with its line, and an empty note', () => {
    expect(build.output).toMatch(/_config\.yml:3: error \[config\] not valid YAML/);
    expect(build.output).toMatch(/bad-utf8\.md:8: error \[encoding\] not valid UTF-8/);
    expect(build.output).toMatch(/empty\.md:1: warning \[empty-note\]/);
    expect(() => build.read('empty.md')).toThrow();
    expect(build.read('latin1.html')).toContain('Fine line.');
  });

  it('maps three consecutive lines changed by Liquid each to its own line', () => {
    expect(build.output).toMatch(/three-lines\.md:8: warning \[broken-anchor\] .*#missing-1/);
    expect(build.output).toMatch(/three-lines\.md:9: warning \[broken-anchor\] .*#missing-2/);
    expect(build.output).toMatch(/three-lines\.md:10: warning \[broken-anchor\] .*#missing-3/);
  });
});

describe('npm run check', () => {
  it('prints a sorted list and the counts, exits 1, no stack trace', () => {
    expect(strict.status).toBe(1);
    expect(strict.output).not.toMatch(/unhandled error|\n\s+at .+\(.+:\d+:\d+\)|Stack trace/i);
    const findings = strict.output.split('\n').filter((l) => /^\S+?(:\d+)?: (error|warning) \[[\w-]+\] /.test(l));
    expect(findings.length).toBeGreaterThan(10);
    const keys = findings.map((l) => {
      const [, file, line] = /^(\S+?)(?::(\d+))?: /.exec(l)!;
      return [file!, Number(line ?? 0)] as const;
    });
    const sorted = [...keys].sort((a, b) => (a[0] !== b[0] ? (a[0] < b[0] ? -1 : 1) : a[1] - b[1]));
    expect(keys).toEqual(sorted);
    const errors = findings.filter((l) => / error \[/.test(l)).length;
    const warnings = findings.length - errors;
    expect(strict.output).toContain(`${errors} errors, ${warnings} warnings`);
  });
});
