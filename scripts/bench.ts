// `npm run bench`: build N synthetic notes with K distinct PlantUML diagrams each, cold then warm,
// and compare the build's diagram work with one bare `java -jar plantuml.jar -pipe` over the
// same sources.
//   node scripts/bench.ts [--notes 200] [--diagrams 1] [--runs 1] [--keep]
// `--diagrams 0` times the same notes without diagrams. Everything goes to a fresh temp folder.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { plantUmlJar } from '../src/diagrams/plantuml-jar.ts';

const { values } = parseArgs({
  options: {
    notes: { type: 'string', default: '200' },
    diagrams: { type: 'string', default: '1' },
    runs: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
  },
});
const noteCount = Number(values.notes);
const perNote = Number(values.diagrams);
const runs = Math.max(1, Number(values.runs));

function diagram(note: number, index: number): string {
  const id = `${note}-${index}`;
  return [
    '@startuml',
    `title Request flow ${id}`,
    `participant Client as "Client ${id}"`,
    'participant Gateway',
    'participant Service',
    'database Store',
    `Client -> Gateway : request ${id}`,
    'Gateway -> Service : forward',
    'alt cache hit',
    `  Service -> Store : read key-${id}`,
    '  Store --> Service : value',
    'else miss',
    '  Service -> Service : compute',
    'end',
    'Service --> Gateway : response',
    'Gateway --> Client : 200 OK',
    `note across : synthetic diagram ${id}`,
    '@enduml',
  ].join('\n');
}

function note(n: number, sources: string[]): string {
  const prose = Array.from({ length: 6 }, (_, p) => `Paragraph ${p + 1} of note ${n}: **routing**, *latency* and \`code\` with a [link](#section-${n}).`).join('\n\n');
  const figures = sources.map(
    (source, i) => `\n<div class="image-wrapper">\n  <div class="diagram-caption">Flow ${n}.${i + 1}</div>\n  <script type="text/plain" id="flow-${i}">\n${source}\n  </script>\n</div>\n`,
  );
  return `---\ntitle: Bench note ${n}\n---\n# Bench note ${n}\n\n## Section {#section-${n}}\n\n${prose}\n\n| A | B |\n|---|---|\n| ${n} | two |\n${figures.join('')}\n`;
}

interface BuildTiming {
  seconds: number;
  renderMs: number;
  diagrams: string;
}

function astroBuild(notesDir: string, outDir: string, cacheDir: string): Promise<BuildTiming> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    // Run Astro with this Node (24), not whatever `node` the astro bin's shebang finds.
    // Working folder = the bench folder: Astro keeps its prerender files under the working folder
    // when the output is outside it, and parallel builds from the project folder would share them.
    const child = spawn(process.execPath, [path.resolve('node_modules/astro/bin/astro.mjs'), 'build', '--root', process.cwd()], {
      cwd: path.dirname(outDir),
      env: { ...process.env, NOTES_DIR: notesDir, OUT_DIR: outDir, CACHE_DIR: cacheDir, STRICT: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`astro build failed (${code}):\n${log.slice(-3000)}`));
      resolve({
        seconds: (performance.now() - started) / 1000,
        renderMs: Number(/rendered \d+ notes .* in (\d+) ms/.exec(log)?.[1] ?? NaN),
        diagrams: /\[diagrams\] (.*)/.exec(log)?.[1] ?? 'no diagrams',
      });
    });
  });
}

function barePipe(sources: string[]): number {
  const started = performance.now();
  const run = spawnSync('java', ['-jar', plantUmlJar().path, '-pipe', '-tsvg'], { input: sources.join('\n'), maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`bare PlantUML pipe failed: ${run.stderr.toString().slice(0, 500)}`);
  return (performance.now() - started) / 1000;
}

const root = mkdtempSync(path.join(tmpdir(), 'study-notes-bench-'));
// Astro's prerender chunks (written under the bench folder, see astroBuild) import packages.
symlinkSync(path.resolve('node_modules'), path.join(root, 'node_modules'), 'dir');
const notesDir = path.join(root, 'notes');
mkdirSync(path.join(notesDir, 'bench'), { recursive: true });
const allSources: string[] = [];
for (let n = 1; n <= noteCount; n++) {
  const sources = Array.from({ length: perNote }, (_, i) => diagram(n, i + 1));
  allSources.push(...sources);
  writeFileSync(path.join(notesDir, 'bench', `note-${n}.md`), note(n, sources));
}
console.log(`bench: ${noteCount} notes × ${perNote} diagrams = ${allSources.length} diagrams in ${root}`);

try {
  // On a shared machine single timings are noisy: with --runs N each measurement is repeated
  // (a cold build always starts from an empty cache) and the fastest run counts.
  const colds: BuildTiming[] = [];
  const warms: BuildTiming[] = [];
  const bares: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const cacheDir = path.join(root, `cache-${run}`);
    const cold = await astroBuild(notesDir, path.join(root, 'dist-cold'), cacheDir);
    console.log(`cold build: ${cold.seconds.toFixed(2)} s (notes rendered in ${cold.renderMs} ms; ${cold.diagrams})`);
    const warm = await astroBuild(notesDir, path.join(root, 'dist-warm'), cacheDir);
    console.log(`warm build: ${warm.seconds.toFixed(2)} s (notes rendered in ${warm.renderMs} ms; ${warm.diagrams})`);
    colds.push(cold);
    warms.push(warm);
    if (allSources.length > 0) {
      bares.push(barePipe(allSources));
      console.log(`bare java -jar plantuml.jar -pipe -tsvg over the same sources: ${bares.at(-1)!.toFixed(2)} s`);
    }
  }
  const fastest = (timings: BuildTiming[]): number => Math.min(...timings.map((t) => t.seconds));
  const cold = fastest(colds);
  const warm = fastest(warms);
  const perDiagram = (seconds: number): string => `${((seconds * 1000) / allSources.length).toFixed(1)} ms per diagram`;
  console.log(`\nsummary (${noteCount} notes × ${perNote} diagrams, fastest of ${runs}): cold ${cold.toFixed(2)} s, warm ${warm.toFixed(2)} s`);
  if (allSources.length > 0) {
    const work = cold - warm;
    const bare = Math.min(...bares);
    console.log(`diagram work (cold − warm): ${work.toFixed(2)} s = ${perDiagram(work)}`);
    console.log(`bare PlantUML pipe: ${bare.toFixed(2)} s = ${perDiagram(bare)}`);
    console.log(`ratio (diagram work / bare pipe): ${(work / bare).toFixed(2)}× (target ≤ 1.5×)`);
  }
} finally {
  if (values.keep) console.log(`kept ${root}`);
  else rmSync(root, { recursive: true, force: true });
}
