// Compares a notes folder built by the installed Jekyll with this generator's build of it:
//   npm run compare-jekyll -- ../my-notes [--all] [--keep]
// prints, per page, "equal" or the differences of the content's structure (`-` Jekyll's, `+` ours),
// then the pages Jekyll's site lets a reader reach from its home page that ours does not.
// Exit status 1 when a page differs or is missing, or a page is unreached. Needs `jekyll`
// (Debian: apt-get install jekyll, plus ruby-jekyll-* for the plugins the folder uses).
import path from 'node:path';
import { compareWithJekyll } from '../tests/helpers/jekyll-fidelity.ts';

const args = process.argv.slice(2);
const folder = args.find((arg) => !arg.startsWith('--'));
if (!folder) {
  console.error('usage: npm run compare-jekyll -- <notes folder> [--keep]');
  process.exit(2);
}
const result = compareWithJekyll(path.resolve(folder), { keep: args.includes('--keep') });
for (const page of result.pages) {
  console.log(`${page.status.padEnd(7)} ${page.file}  (${page.source})`);
  if (page.diff) console.log(page.diff.replace(/^/gm, '    '));
}
const equal = result.pages.filter((page) => page.status === 'equal').length;
console.log(`\n${folder}: ${equal} of ${result.pages.length} pages equal in structure`);
if (result.jekyllReachable.length === 0) console.log('reachability: Jekyll\'s site has no home page (index.html); nothing to follow');
else console.log(`reachability: Jekyll reaches ${result.jekyllReachable.length} pages from its home page; ours misses ${result.unreached.length}${result.unreached.map((f) => `\n    unreached ${f}`).join('')}`);
if (args.includes('--keep')) console.log(`our build: ${result.ourOutput}`);
process.exitCode = equal === result.pages.length && result.unreached.length === 0 ? 0 : 1;
