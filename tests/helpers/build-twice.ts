// Runs Astro's `build()` API several times in ONE process, each time with its own notes folder
// and output folder: `node tests/helpers/build-twice.ts <notes> <out> [<notes> <out> …]`.
// (A child process, because Astro must not run inside Vitest's workers; see astro-build.ts.)
import { build } from 'astro';

const args = process.argv.slice(2);
for (let i = 0; i + 1 < args.length; i += 2) {
  process.env.NOTES_DIR = args[i]!;
  await build({ root: process.cwd(), outDir: args[i + 1]! });
  console.log(`built ${args[i]} into ${args[i + 1]}`);
}
