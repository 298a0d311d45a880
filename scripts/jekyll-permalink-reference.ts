// Records the files the real Jekyll writes for tests/fixtures/permalink-site under each
// permalink setting (built-in styles and templates), for tests/unit/loader/permalink-styles.test.ts:
//   node scripts/jekyll-permalink-reference.ts
// writes tests/fixtures/permalink-site.jekyll.json. Needs `jekyll`; commit the result.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PERMALINK_SETTINGS, withPermalink } from '../tests/helpers/permalink-site.ts';
import { jekyllReference } from '../tests/helpers/jekyll-reference.ts';

const result: Record<string, string[]> = {};
for (const setting of PERMALINK_SETTINGS) {
  const { dir, cleanup } = withPermalink(setting);
  try {
    result[setting] = jekyllReference(dir).files;
  } finally {
    cleanup();
  }
}
const target = path.resolve('tests/fixtures/permalink-site.jekyll.json');
writeFileSync(target, `${JSON.stringify(result, null, 2)}\n`);
console.log(`${path.relative(process.cwd(), target)}: ${PERMALINK_SETTINGS.length} settings`);
