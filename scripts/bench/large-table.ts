// Rows a second of the Markdown pipeline (createNotePipeline, figures included) over one note holding
// a large pipe table: GFM (header + delimiter row) and kramdown (`|---` header, no GFM shape), cells
// with and without markup. The figure for the README's "Large notes" bullet.
// Also the CPU time of remark-kramdown-tables alone over the parsed note (best of three).
//   node scripts/bench/large-table.ts [--rows 5000,20000] [--kinds gfm,kramdown]
import { parseArgs } from 'node:util';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { Diagnostics } from '../../src/diagnostics/diagnostics.ts';
import type { NoteContext } from '../../src/markdown/note-context.ts';
import { createNotePipeline, runPipeline } from '../../src/markdown/pipeline.ts';
import { preprocessMarkdown } from '../../src/markdown/preprocess.ts';
import remarkKramdownTables from '../../src/markdown/remark/remark-kramdown-tables.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '5000,20000' }, kinds: { type: 'string', default: 'gfm,kramdown' } } });

/** A row like a study table's: plain words, a code span, bold, a link, a number. */
function row(i: number): string {
  return `| step ${i} | \`cmd --n ${i}\` | **note** ${i % 7} | [doc](other.md#s${i}) | ${i * 3} |`;
}

function note(kind: string, rows: number): string {
  const header = '| Step | Command | Remark | Link | Value |';
  const body = Array.from({ length: rows }, (_, i) => row(i));
  // kramdown's own shape: a footer after `|===` makes it a table GFM does not read as one.
  const lines = kind === 'gfm' ? [header, '|---|---|---|---|---|', ...body] : [header, '|---|---|---|---|---|', ...body, '|===', '| total | | | | |'];
  return `# Large table\n\n${lines.join('\n')}\n`;
}

const pipeline = createNotePipeline({ figures: true });
for (const kind of values.kinds.split(',')) {
  for (const rows of values.rows.split(',').map(Number)) {
    const pre = preprocessMarkdown(note(kind, rows));
    const context: NoteContext = {
      file: '/notes/large.md',
      source: { text: pre.text, firstLine: 1 },
      relPath: 'large.md',
      notesDir: '/notes',
      base: '/',
      lineMap: pre.lineMap,
      diagnostics: new Diagnostics('/notes'),
      rawBlocks: pre.rawBlocks,
      pageUrlForSource: () => undefined,
      headings: [],
      links: [],
    };
    const cpu = process.cpuUsage();
    const started = performance.now();
    const html = await runPipeline(pipeline.processors.markdown, pre.text, context);
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    const cells = (html.match(/<td/g) ?? []).length;
    // CPU time as well: on a shared machine the wall time says as much about the neighbours.
    const parser = unified().use(remarkParse).use(remarkGfm);
    const tree = parser.runSync(parser.parse(pre.text)) as Root;
    const transform = unified().use(remarkKramdownTables);
    let plugin = Number.POSITIVE_INFINITY;
    for (let run = 0; run < 3; run++) {
      const copy = structuredClone(tree);
      const before = process.cpuUsage();
      transform.runSync(copy, new VFile({ value: pre.text }));
      const spent = process.cpuUsage(before);
      plugin = Math.min(plugin, (spent.user + spent.system) / 1e6);
    }
    console.log(`${kind} ${rows} rows: tables plugin alone ${plugin.toFixed(2)} s CPU (${Math.round(rows / plugin)} rows/s)`);
    console.log(`${kind} ${rows} rows: ${seconds.toFixed(2)} s wall (${Math.round(rows / seconds)} rows/s), ${cpuSeconds.toFixed(2)} s CPU (${Math.round(rows / cpuSeconds)} rows/s) — ${cells} cells`);
  }
}
