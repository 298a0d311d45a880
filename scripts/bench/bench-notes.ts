// Synthetic notes that look like real ones: headings with kramdown ids, prose, lists and nested
// lists, a big HTML study table, fenced code in three languages, distinct PlantUML diagrams, and
// folder index pages that list `site.pages` with Liquid — the shapes of a real notes repository.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface BenchNotesOptions {
  notes: number;
  /** Distinct PlantUML diagrams per note. */
  diagrams: number;
}

/** Notes are spread over this many folders, each with a Liquid index page. */
const FOLDERS = ['network', 'cloud', 'systems', 'algorithms'];

export function diagramSource(note: number, index: number): string {
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

function studyTable(n: number, rows: number): string {
  const head = ['Service', 'Purpose', 'OSI Layer', 'Upstream', 'Downstream', 'Limitations', 'Pricing'];
  const body = Array.from({ length: rows }, (_, r) =>
    [
      '<tr>',
      `<td><strong>Service ${n}.${r + 1}</strong></td>`,
      `<td>Connects tier ${r} to the <em>backbone</em> of region ${n}.</td>`,
      `<td>L${(r % 7) + 1} – Layer</td>`,
      '<td>Private Subnet</td>',
      '<td>Internet Gateway</td>',
      `<td>• One per VPC<br>• Max ${r + 1} Gbps per tunnel<br>• No <code>transitive</code> routing</td>`,
      `<td>Hourly charge + ${r} ¢ per GB</td>`,
      '</tr>',
    ].join('\n'),
  );
  return `<table class="study-table">\n<thead>\n<tr>\n${head.map((h) => `<th>${h}</th>`).join('\n')}\n</tr>\n</thead>\n<tbody>\n${body.join('\n')}\n</tbody>\n</table>`;
}

function lists(n: number): string {
  return [
    `1. **Data centers, zones and regions ${n}**`,
    '   - A group of data centers is an **Availability Zone**.',
    '   - Several zones are a **Region**:',
    '     - linked by the backbone;',
    '     - each with its own *control plane*.',
    '2. **Points of presence**',
    '   - Racks in third-party colocation sites.',
    '   - Edge services: `CloudFront`, `Global Accelerator`.',
    '',
    '- [x] Read the chapter',
    '- [ ] Solve the exercises',
    '- Key terms: **BGP**, **ASN**, **prefix**, [link to section](#section-2)',
  ].join('\n');
}

function code(n: number): string {
  return [
    '```typescript',
    `export function route${n}(table: Map<string, string>, prefix: string): string | undefined {`,
    '  // Longest prefix wins, as in a real router.',
    '  let best: string | undefined;',
    '  for (const [key, hop] of table) if (prefix.startsWith(key) && (!best || key.length > best.length)) best = hop;',
    '  return best;',
    '}',
    '```',
    '',
    '```python',
    `def two_sum_${n}(nums, target):`,
    '    seen = {}',
    '    for i, x in enumerate(nums):',
    '        if target - x in seen:',
    '            return [seen[target - x], i]',
    '        seen[x] = i',
    '```',
    '',
    '```bash',
    `aws ec2 describe-vpcs --region eu-west-${(n % 3) + 1} --query 'Vpcs[].CidrBlock'`,
    '```',
  ].join('\n');
}

function figure(n: number, i: number, source: string): string {
  return [
    '<div class="image-wrapper">',
    `  <div class="diagram-caption" data-snippet-id="flow-${n}-${i}">Flow ${n}.${i}</div>`,
    `  <script type="text/plain" id="flow-${n}-${i}">`,
    source,
    '  </script>',
    '</div>',
  ].join('\n');
}

export function noteText(n: number, diagrams: number, edit = ''): string {
  const prose = (s: number): string =>
    Array.from(
      { length: 3 },
      (_, p) =>
        `Paragraph ${p + 1} of section ${s} in note ${n}: the **routing table** decides the next hop, *latency* depends on distance, and \`traceroute\` shows the path; see [the overview](#section-1) and [another note](../${FOLDERS[Math.max(1, n - 1) % FOLDERS.length]}/note-${Math.max(1, n - 1)}.md).`,
    ).join('\n\n');
  const figures = Array.from({ length: diagrams }, (_, i) => figure(n, i + 1, diagramSource(n, i + 1)));
  return [
    '---',
    `title: Bench note ${n}`,
    `permalink: /study/${FOLDERS[n % FOLDERS.length]}/note-${n}`,
    `tags: [bench, folder-${n % FOLDERS.length}]`,
    '---',
    '',
    `## 1. Overview {#section-1}`,
    '',
    prose(1),
    edit,
    '',
    lists(n),
    '',
    '## 2. Services compared {#section-2}',
    '',
    studyTable(n, 24),
    '',
    '### 2.1 Details',
    '',
    prose(2),
    '',
    figures[0] ?? '',
    '',
    '## 3. Code',
    '',
    code(n),
    '',
    '## 4. Flows',
    '',
    prose(4),
    '',
    ...figures.slice(1).flatMap((f) => [f, '']),
    '> **Note:** a blockquote with a `code span` and a [relative link](./note-' + n + '.md).',
    '',
  ].join('\n');
}

function indexPage(folder: string): string {
  return [
    '---',
    `title: ${folder} notes`,
    `permalink: /study/${folder}/`,
    '---',
    '',
    `## All ${folder} notes`,
    '',
    '<ul>',
    `{% assign notes = site.pages | sort: "title" %}{% for p in notes %}{% if p.url contains "/study/${folder}/note-" %}`,
    '<li><a href="{{ p.url | relative_url }}">{{ p.title }}</a> ({{ p.tags | join: ", " }})</li>',
    '{% endif %}{% endfor %}',
    '</ul>',
    '',
  ].join('\n');
}

/** Note `n`'s file under the notes folder. */
export function notePath(notesDir: string, n: number): string {
  return path.join(notesDir, 'study', FOLDERS[n % FOLDERS.length]!, `note-${n}.md`);
}

export function writeBenchNotes(notesDir: string, options: BenchNotesOptions): void {
  for (const folder of FOLDERS) {
    mkdirSync(path.join(notesDir, 'study', folder), { recursive: true });
    writeFileSync(path.join(notesDir, 'study', folder, 'index.md'), indexPage(folder));
  }
  writeFileSync(path.join(notesDir, '_config.yml'), 'title: Bench Notes\ndescription: Synthetic study notes\nmarkdown: kramdown\nkramdown:\n  input: GFM\ndefaults:\n  - scope:\n      path: study\n    values:\n      layout: study\n');
  for (let n = 1; n <= options.notes; n++) writeFileSync(notePath(notesDir, n), noteText(n, options.diagrams));
}
