// `npm run bench`: this generator against Jekyll on the same synthetic notes (see
// scripts/bench/bench-notes.ts), interleaved run by run, medians of --runs:
//   - cold (no caches), warm (caches kept), warm after editing one note, an empty notes folder;
//   - dev: save a note → the served page shows it (`astro dev` vs `jekyll build --watch`);
//   - growth: --growth sizes × --growth-diagrams diagrams, cold and warm, with peak memory.
// Jekyll builds with --disable-disk-cache; it renders no diagrams (it publishes their sources).
//   node scripts/bench.ts [--notes 80] [--diagrams 1] [--runs 3] [--edits 3]
//                         [--growth 100,1000] [--growth-diagrams 2] [--growth-runs N] [--no-jekyll] [--no-dev] [--keep]
// Quick look: `npm run bench -- --runs 1 --notes 30 --growth '' --no-dev`.
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { notePath, noteText, writeBenchNotes } from './bench/bench-notes.ts';
import { measure, median, type Measured } from './bench/measure.ts';
import { astroSaveToPage, jekyllSaveToPage } from './bench/save-to-page.ts';

const { values } = parseArgs({
  options: {
    notes: { type: 'string', default: '80' },
    diagrams: { type: 'string', default: '1' },
    runs: { type: 'string', default: '3' },
    edits: { type: 'string', default: '3' },
    growth: { type: 'string', default: '100,1000' },
    'growth-diagrams': { type: 'string', default: '2' },
    'growth-runs': { type: 'string' },
    'no-jekyll': { type: 'boolean', default: false },
    'no-dev': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const runs = Math.max(1, Number(values.runs));
const withJekyll = !values['no-jekyll'];
const project = process.cwd();
const astroBin = path.resolve('node_modules/astro/bin/astro.mjs');
const root = mkdtempSync(path.join(tmpdir(), 'study-notes-bench-'));
// Astro's prerender chunks (written under the working folder, see astroBuild) import packages.
symlinkSync(path.resolve('node_modules'), path.join(root, 'node_modules'), 'dir');

function astroEnv(notesDir: string, outDir: string, cacheDir: string): NodeJS.ProcessEnv {
  return { ...process.env, NOTES_DIR: notesDir, OUT_DIR: outDir, CACHE_DIR: cacheDir, STRICT: '', SITE_BASE: '/', ASTRO_TELEMETRY_DISABLED: '1' };
}

/** `astro build` run with this Node (24); working folder = the bench folder, so parallel benches keep their own prerender files. */
function astroBuild(notesDir: string, outDir: string, cacheDir: string, extra: NodeJS.ProcessEnv = {}): Promise<Measured> {
  return measure(process.execPath, [astroBin, 'build', '--root', project], { cwd: root, env: { ...astroEnv(notesDir, outDir, cacheDir), ...extra } });
}

function jekyllBuild(notesDir: string, outDir: string): Promise<Measured> {
  return measure('jekyll', ['build', '--disable-disk-cache', '-s', notesDir, '-d', outDir], { cwd: root, env: process.env });
}

const fmt = (seconds: number): string => `${seconds.toFixed(2)} s`;
const ratio = (ours: number, theirs: number | undefined): string => (theirs ? `${(ours / theirs).toFixed(2)}×` : '—');
const rows: string[] = [];
const row = (...cells: string[]): void => {
  rows.push(`| ${cells.join(' | ')} |`);
};
function report(label: string, ours: number[], jekyll: number[] | undefined, extra = ''): void {
  const m = median(ours);
  const j = jekyll?.length ? median(jekyll) : undefined;
  row(label, fmt(m), j === undefined ? '—' : fmt(j), ratio(m, j), extra);
  console.log(`  ${label}: ${fmt(m)} (runs ${ours.map((s) => s.toFixed(2)).join(', ')})${j === undefined ? '' : `; Jekyll ${fmt(j)}`}`);
}
/** Median CPU time (user + sys, children included) for the table's notes column. */
const cpuNote = (list: Measured[]): string => (list.every((m) => Number.isFinite(m.cpuSeconds)) ? `CPU ${fmt(median(list.map((m) => m.cpuSeconds)))}` : '');
const cpuOf = (m: Measured): string => (Number.isFinite(m.cpuSeconds) ? `, CPU ${fmt(m.cpuSeconds)}` : '');
/** Per-process peaks and what made up the whole tree's peak (which moment of the build sets it). */
const memoryNote = (m: Measured): string =>
  `tree peak ${Math.round(m.peakTreeMiB)} MiB ${m.peakTreeParts}; per process ${[...m.peakByKind].map(([kind, p]) => `${kind} ${Math.round(p.mib)} MiB at ${p.seconds.toFixed(1)} s`).join(', ')}`;
const renderMs = (m: Measured): string => /rendered (\d+) notes .* in (\d+) ms/.exec(m.log)?.slice(1, 3).join(' notes in ') ?? '?';

function machine(): string {
  const model = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${model}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, Jekyll ${execSync('jekyll --version').toString().trim().split(' ')[1]}`;
}
const load = (): string => loadavg().map((x) => x.toFixed(2)).join(' ');

async function mainSet(noteCount: number, diagrams: number): Promise<void> {
  const notesDir = path.join(root, `notes-${noteCount}x${diagrams}`);
  writeBenchNotes(notesDir, { notes: noteCount, diagrams });
  const edited = notePath(notesDir, 1);
  console.log(`\n${noteCount} notes × ${diagrams} diagrams (${notesDir})`);
  const cold: Measured[] = [], coldWorkers: Measured[] = [], warm: Measured[] = [], edit: Measured[] = [], jekyll: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const cacheDir = path.join(root, `cache-main-${run}`);
    const outDir = path.join(root, 'dist-main');
    if (withJekyll) jekyll.push((await jekyllBuild(notesDir, path.join(root, 'jekyll-main'))).seconds);
    // Cold with two render workers (off by default on 2 cores), from its own empty cache.
    coldWorkers.push(await astroBuild(notesDir, outDir, path.join(root, `cache-workers-${run}`), { RENDER_WORKERS: '2' }));
    const c = await astroBuild(notesDir, outDir, cacheDir);
    const w = await astroBuild(notesDir, outDir, cacheDir);
    writeFileSync(edited, noteText(1, diagrams, `\nEdited in run ${run} at ${Date.now()}.\n`));
    const e = await astroBuild(notesDir, outDir, cacheDir);
    if (withJekyll) jekyll.push((await jekyllBuild(notesDir, path.join(root, 'jekyll-main'))).seconds);
    cold.push(c), warm.push(w), edit.push(e);
    console.log(`  run ${run}: cold ${fmt(c.seconds)} (${renderMs(c)} ms${cpuOf(c)}), warm ${fmt(w.seconds)} (${renderMs(w)} ms${cpuOf(w)}), edited ${fmt(e.seconds)} (${renderMs(e)} ms${cpuOf(e)}), Jekyll ${jekyll.slice(-2).map(fmt).join(', ')}; load ${load()}`);
  }
  row(`**${noteCount} notes × ${diagrams} diagrams**`, '', '', '', '');
  const seconds = (list: Measured[]): number[] => list.map((m) => m.seconds);
  report('cold (no caches)', seconds(cold), jekyll, cpuNote(cold));
  report('cold, RENDER_WORKERS=2', seconds(coldWorkers), jekyll, cpuNote(coldWorkers));
  report('warm (caches kept)', seconds(warm), jekyll, cpuNote(warm));
  report('warm, one note edited', seconds(edit), jekyll, cpuNote(edit));
}

async function emptySet(): Promise<void> {
  const notesDir = path.join(root, 'notes-empty');
  mkdirSync(notesDir, { recursive: true });
  writeFileSync(path.join(notesDir, '_config.yml'), 'title: Empty\n');
  const ours: Measured[] = [], jekyll: number[] = [];
  for (let run = 1; run <= runs; run++) {
    if (withJekyll) jekyll.push((await jekyllBuild(notesDir, path.join(root, 'jekyll-empty'))).seconds);
    ours.push(await astroBuild(notesDir, path.join(root, 'dist-empty'), path.join(root, 'cache-empty')));
  }
  report('empty notes folder (fixed cost)', ours.map((m) => m.seconds), jekyll, cpuNote(ours));
}

async function devSet(noteCount: number, diagrams: number): Promise<void> {
  const notesDir = path.join(root, `notes-${noteCount}x${diagrams}`);
  const note = notePath(notesDir, 2);
  const withMarker = (marker: string): string => noteText(2, diagrams, `\n${marker}\n`);
  const edits = Math.max(1, Number(values.edits));
  const ours = await astroSaveToPage({
    astro: astroBin,
    cwd: root,
    env: { ...astroEnv(notesDir, path.join(root, 'dist-dev'), path.join(root, 'cache-main-1')), NODE_ENV: 'development' },
    port: 4700 + Math.floor(Math.random() * 200),
    pagePath: '/study/systems/note-2',
    note,
    withMarker,
    edits,
  });
  let jekyll: number[] | undefined;
  if (withJekyll) {
    const dest = path.join(root, 'jekyll-dev');
    jekyll = (await jekyllSaveToPage({ source: notesDir, dest, cwd: root, outputFile: path.join(dest, 'study/systems/note-2.html'), note, withMarker, edits })).samples;
  }
  const ms = (list: number[]): number[] => list.map((x) => x / 1000);
  report('dev: save → page shows it', ms(ours.samples), jekyll && ms(jekyll), 'astro dev vs jekyll build --watch');
}

async function growthSet(sizes: number[], diagrams: number): Promise<void> {
  for (const size of sizes) {
    const notesDir = path.join(root, `notes-growth-${size}`);
    writeBenchNotes(notesDir, { notes: size, diagrams });
    console.log(`\ngrowth: ${size} notes × ${diagrams} diagrams`);
    const cold: Measured[] = [], warm: Measured[] = [], jekyll: number[] = [];
    for (let run = 1; run <= Math.max(1, Number(values['growth-runs'] ?? runs)); run++) {
      const cacheDir = path.join(root, `cache-growth-${size}-${run}`);
      const outDir = path.join(root, `dist-growth-${size}`);
      if (withJekyll) jekyll.push((await jekyllBuild(notesDir, path.join(root, `jekyll-growth-${size}`))).seconds);
      cold.push(await astroBuild(notesDir, outDir, cacheDir));
      warm.push(await astroBuild(notesDir, outDir, cacheDir));
      console.log(`  run ${run}: cold ${fmt(cold.at(-1)!.seconds)} (${renderMs(cold.at(-1)!)} ms), warm ${fmt(warm.at(-1)!.seconds)} (${renderMs(warm.at(-1)!)} ms), Jekyll ${jekyll.length ? fmt(jekyll.at(-1)!) : '—'}; load ${load()}`);
      for (const [label, m] of [['cold', cold.at(-1)!], ['warm', warm.at(-1)!]] as const) console.log(`    ${label} memory: ${memoryNote(m)}`);
      rmSync(cacheDir, { recursive: true, force: true });
    }
    const peak = (list: Measured[]): string => `peak RSS ${Math.round(Math.max(...list.map((m) => m.peakTreeMiB)))} MiB (Node ${Math.round(Math.max(...list.map((m) => m.peakMainMiB)))} MiB)`;
    row(`**${size} notes × ${diagrams} diagrams**`, '', '', '', '');
    report('cold (no caches)', cold.map((m) => m.seconds), jekyll, `${peak(cold)}; ${cpuNote(cold)}`);
    report('warm (caches kept)', warm.map((m) => m.seconds), jekyll, `${peak(warm)}; ${cpuNote(warm)}`);
    rmSync(notesDir, { recursive: true, force: true });
  }
}

const loadBefore = load();
try {
  console.log(`bench in ${root}\nmachine: ${machine()}\nload average before: ${loadBefore}`);
  row('build', 'this project', 'Jekyll', 'ratio', 'notes');
  row('---', '---', '---', '---', '---');
  await emptySet();
  await mainSet(Number(values.notes), Number(values.diagrams));
  if (!values['no-dev']) await devSet(Number(values.notes), Number(values.diagrams));
  const sizes = values.growth.split(',').filter(Boolean).map(Number);
  if (sizes.length) await growthSet(sizes, Number(values['growth-diagrams']));
  console.log(`\nmachine: ${machine()}; load average before ${loadBefore}, after ${load()}; medians of ${runs}\n`);
  console.log(rows.join('\n'));
} finally {
  if (values.keep) console.log(`kept ${root}`);
  else rmSync(root, { recursive: true, force: true });
}
