// Bad notes get a message naming file and line; the rest of the site still builds;
// `npm run check` (STRICT=1) fails on the same folder.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/astro-build.ts';
import { writeNotesFolder } from '../helpers/notes-folder.ts';

const files: Record<string, string> = {
  'good.md': '---\ntitle: Good\npermalink: /good\n---\n\n## Fine {#fine}\n\nAll good.\n',
  'broken-yaml.md': '---\ntitle: [unclosed\n---\n\nBody\n',
  'liquid-error.md': '---\ntitle: Liquid\npermalink: /liquid\n---\n\nLine one\n\n{% if %}\n',
  'missing-include.md': '---\ntitle: Include\npermalink: /include\n---\n\nText\n\n{% include_relative nope.puml %}\n\nStill here.\n',
  'zz-dup.md': '---\ntitle: Dup\npermalink: /good\n---\nDuplicate\n',
  'mojibake.md': '---\ntitle: Damaged\npermalink: /damaged\n---\n\nOK\n\n‚Ä¢ bullet\n',
};

let build: BuildResult;
let strict: BuildResult;

beforeAll(() => {
  const notes = writeNotesFolder(files, 'bad-notes-');
  build = buildSite(notes);
  strict = buildSite(notes, { STRICT: '1' });
});

describe('a notes folder with faults', () => {
  it('still builds every page it can', () => {
    expect(build.status, build.output).toBe(0);
    expect(build.read('good.html')).toContain('id="fine"');
    expect(build.read('include.html')).toContain('Still here.');
    expect(build.read('damaged.html')).toContain('• bullet');
  });

  it('names file and line for each fault', () => {
    expect(build.output).toMatch(/broken-yaml\.md:\d+: warning \[front-matter\]/);
    expect(build.output).toMatch(/liquid-error\.md:8: warning \[liquid\] invalid value expression: ""\n/);
    expect(build.output).toMatch(/missing-include\.md:8: warning \[liquid\] include_relative "nope\.puml": file not found/);
    expect(build.output).toMatch(/zz-dup\.md:1: error \[duplicate-url\] URL \/good is already claimed by good\.md/);
    expect(build.output).toMatch(/mojibake\.md:8: warning \[encoding\] 1 mis-decoded character runs .*"‚Ä¢" → "•"/);
  });

  it('fails the strict build (npm run check)', () => {
    expect(strict.status).toBe(1);
    expect(strict.output).toMatch(/npm run check failed: 1 error, \d+ warnings/);
    expect(strict.output).not.toMatch(/unhandled error/i);
  });
});
