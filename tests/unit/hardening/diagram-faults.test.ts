// Diagram faults of issue 10: damaged cache entries are rendered again (never a lost page or a
// picture cut short), and a timeout stops PlantUML's whole process group (Graphviz included).
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiagramService } from '../../../src/diagrams/diagram-service.ts';

const notes = path.resolve('tests/fixtures/diagrams/notes');
const study = path.join(notes, 'study');
const work = mkdtempSync(path.join(tmpdir(), 'diagram-faults-'));
const services: DiagramService[] = [];

function service(options: Partial<ConstructorParameters<typeof DiagramService>[0]> = {}): DiagramService {
  const created = new DiagramService({ rootDir: notes, cacheDir: path.join(work, 'cache'), poolSize: 1, ...options });
  services.push(created);
  return created;
}

afterAll(() => {
  for (const s of services) s.shutdown();
  rmSync(work, { recursive: true, force: true });
});

function cacheEntries(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name));
      else if (entry.name.endsWith('.json')) files.push(path.join(dir, entry.name));
    }
  };
  walk(path.join(work, 'cache'));
  return files;
}

describe('diagram cache entries are validated', () => {
  it.each([
    ['valid JSON of the wrong shape ({})', () => '{}'],
    ['an SVG cut short', (entry: string) => JSON.stringify({ ...JSON.parse(entry), svgHash: undefined, svg: JSON.parse(entry).svg.slice(0, 200) })],
    ['an SVG changed after writing', (entry: string) => JSON.stringify({ ...JSON.parse(entry), svg: JSON.parse(entry).svg.replace('</svg>', '<g/></svg>') })],
    ['not JSON', () => '{"svg": "<svg'],
  ])('renders again over %s', async (_name, damage) => {
    rmSync(path.join(work, 'cache'), { recursive: true, force: true });
    const source = `@startuml\nAlice -> Bob : ${_name}\n@enduml`;
    const first = await service().render(source, study);
    expect(first.svg).toContain('</svg>');
    const [file] = cacheEntries();
    writeFileSync(file!, damage(readFileSync(file!, 'utf8')));
    const again = await service().render(source, study);
    expect(again.cached).toBe(false);
    expect(again.svg).toBe(first.svg);
    // The entry was written again, whole: the next render is a cache hit.
    const third = await service().render(source, study);
    expect(third.cached).toBe(true);
    expect(third.svg).toBe(first.svg);
  });
});

describe('a diagram that times out', () => {
  it('stops the whole PlantUML process group, Graphviz included', async () => {
    // A `dot` that never answers in time: the layout is still running when the timeout comes.
    const bin = mkdtempSync(path.join(work, 'slow-dot-'));
    writeFileSync(path.join(bin, 'dot'), '#!/bin/bash\n/bin/sleep 60\nexec /usr/bin/dot "$@"\n');
    chmodSync(path.join(bin, 'dot'), 0o755);
    const slow = service({ cacheDir: undefined, timeoutMs: 3000, searchPath: bin });
    const result = await slow.render('@startuml\nclass A\nclass B\nA --> B\n@enduml', study);
    expect(result.error?.kind).toBe('timeout');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const survivors = readdirSync('/proc')
      .filter((pid) => /^\d+$/.test(pid))
      .filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(bin);
        } catch {
          return false;
        }
      });
    expect(survivors).toEqual([]);
  });
});
