// Records what the real Jekyll builds from a fixture, for the differential build tests:
//   node scripts/jekyll-reference.ts tests/fixtures/posts-site
// writes tests/fixtures/posts-site.jekyll.json (every file and the links of `data-check`
// elements). Needs `jekyll` (Debian: apt-get install jekyll ruby-jekyll-paginate and the
// GitHub Pages plugins the fixture lists). Commit the result with the fixture.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { jekyllReference } from '../tests/helpers/jekyll-reference.ts';

const source = process.argv[2];
if (!source) {
  console.error('usage: node scripts/jekyll-reference.ts <fixture folder>');
  process.exit(2);
}
const reference = jekyllReference(path.resolve(source));
const target = `${path.resolve(source).replace(/\/+$/, '')}.jekyll.json`;
writeFileSync(target, `${JSON.stringify(reference, null, 2)}\n`);
console.log(`${path.relative(process.cwd(), target)}: ${reference.files.length} files, ${Object.keys(reference.checks).length} pages with checks`);
