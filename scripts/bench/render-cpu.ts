// CPU time of rendering a notes folder in this process (no Astro, no render cache; diagrams from
// their cache when warm): the number to compare before and after a pipeline change on a busy machine.
//   NOTES_DIR=… CACHE_DIR=… node scripts/bench/render-cpu.ts [--runs 3]
import { parseArgs } from 'node:util';
import { Build } from '../../src/build/build.ts';
import { loadSiteConfig } from '../../src/config/site-config.ts';

process.env.RENDER_CACHE = '0';
const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
for (let run = 1; run <= Number(values.runs); run++) {
  // No render cache (RENDER_CACHE=0 is set below); workers as RENDER_WORKERS says.
  const build = new Build(loadSiteConfig(), { generatorRoot: process.cwd() });
  const cpu = process.cpuUsage();
  const started = performance.now();
  const site = await build.site();
  const used = process.cpuUsage(cpu); // this thread and its workers
  console.log(`run ${run}: ${site.notes.size} notes, ${((used.user + used.system) / 1000).toFixed(0)} ms CPU, ${(performance.now() - started).toFixed(0)} ms wall`);
  await build.shutdown();
}
