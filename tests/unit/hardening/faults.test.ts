// Faults named with their line: YAML (alias bombs included), invalid UTF-8, Liquid line maps,
// _config.yml, the check report.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../../src/config/site-config.ts';
import { Diagnostics } from '../../../src/diagnostics/diagnostics.ts';
import { buildReport } from '../../../src/diagnostics/report.ts';
import { parseFrontMatter } from '../../../src/loader/front-matter.ts';
import { decodeText } from '../../../src/loader/text-file.ts';
import { parseYaml } from '../../../src/loader/yaml.ts';
import { LineMap } from '../../../src/shared/line-map.ts';

const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]'].join('\n');

describe('YAML', () => {
  it('stops an alias bomb at once with the line of the first alias', () => {
    const started = Date.now();
    const result = parseYaml(`title: x\n${bomb}\n`);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(result.error).toEqual({ line: 3, message: expect.stringMatching(/Excessive alias count/) });
  });

  it('front matter errors name the file line of the fault (not the line after)', () => {
    expect(parseFrontMatter('---\ntitle: [unclosed\n---\n\nBody\n').error?.line).toBe(2);
    expect(parseFrontMatter('---\ntitle: ok\nbad: "x\n---\nbody').error?.line).toBe(3);
    expect(parseFrontMatter(`---\ntitle: Bomb\n${bomb}\n---\n`).error?.line).toBe(4);
  });

  it('an invalid _config.yml is a problem with its line; the site falls back to defaults', () => {
    const notes = mkdtempSync(path.join(tmpdir(), 'config-'));
    writeFileSync(path.join(notes, '_config.yml'), 'title: T\nbaseurl: /notes\nexclude: [a\n');
    const config = loadSiteConfig({ NOTES_DIR: notes }, '/');
    expect(config.problems).toEqual([{ file: path.join(notes, '_config.yml'), line: 3, message: expect.stringMatching(/not valid YAML/) }]);
    expect(config.base).toBe('/');
  });
});

describe('UTF-8', () => {
  it('names the first line holding invalid bytes and counts the lines', () => {
    const bytes = Buffer.concat([Buffer.from('ok\nCaf'), Buffer.from([0xe9]), Buffer.from('\nfine\n\xff'.replace('\xff', '')), Buffer.from([0xff, 0x0a])]);
    expect(decodeText(bytes).invalidUtf8).toEqual({ line: 2, lines: 2 });
    expect(decodeText(Buffer.from('héllo\n')).invalidUtf8).toBeUndefined();
  });
});

describe('line maps through Liquid', () => {
  it('maps three consecutive changed lines each to its own line', () => {
    const source = 'a\n{{ x }}\n{{ y }}\n{{ z }}\nb';
    const map = LineMap.fromDiff(source, 'a\nX\nY\nZ\nb');
    expect([1, 2, 3, 4, 5].map((l) => map.map(l))).toEqual([1, 2, 3, 4, 5]);
  });

  it('maps the lines an include grew to onto the include line', () => {
    const map = LineMap.fromDiff('a\n{% include_relative x %}\nb', 'a\n1\n2\n3\nb');
    expect([1, 2, 3, 4, 5].map((l) => map.map(l))).toEqual([1, 2, 2, 2, 3]);
  });
});

describe('the check report', () => {
  it('sorts by file and line, and counts errors as errors', () => {
    const diagnostics = new Diagnostics('/n');
    diagnostics.warn('/n/b.md', 10, 'liquid', 'later');
    diagnostics.error('/n/a.md', 2, 'config', 'bad');
    diagnostics.warn('/n/b.md', 3, 'liquid', 'earlier');
    diagnostics.warn('/n/a.md', undefined, 'confinement', 'no line');
    const report = buildReport(diagnostics);
    expect(report.lines).toEqual([
      'a.md: warning [confinement] no line',
      'a.md:2: error [config] bad',
      'b.md:3: warning [liquid] earlier',
      'b.md:10: warning [liquid] later',
    ]);
    expect(report.counts).toBe('1 error, 3 warnings');
  });
});
