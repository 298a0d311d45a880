// The diagram service through the real PlantUML jar and the system Java.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiagramService } from '../../../src/diagrams/diagram-service.ts';

const notes = path.resolve('tests/fixtures/diagrams/notes');
const study = path.join(notes, 'study');
const cacheRoot = mkdtempSync(path.join(tmpdir(), 'diagrams-test-'));
const services: DiagramService[] = [];

function service(options: Partial<ConstructorParameters<typeof DiagramService>[0]> = {}): DiagramService {
  const created = new DiagramService({ rootDir: notes, cacheDir: path.join(cacheRoot, 'cache'), poolSize: 1, ...options });
  services.push(created);
  return created;
}

afterAll(() => {
  for (const s of services) s.shutdown();
  rmSync(cacheRoot, { recursive: true, force: true });
});

const SEQUENCE = '@startuml\nAlice -> Bob : hello\nBob --> Alice : hi\n@enduml';

describe('DiagramService', () => {
  it('renders a sequence diagram to an SVG that scales with its aspect ratio kept', async () => {
    const result = await service().render(SEQUENCE, study);
    expect(result.error).toBeUndefined();
    expect(result.diagramType).toBe('SEQUENCE');
    expect(result.svg).toMatch(/^<svg [^>]*viewBox="0 0 \d+(\.\d+)? \d+(\.\d+)?"/);
    expect(result.svg).not.toContain('preserveAspectRatio="none"');
    expect(result.svg).not.toMatch(/style="width:/);
    expect(result.svg).toContain('>hello</text>');
  });

  it('warmUp() starts the processes before the first diagram, which then runs on one of them', async () => {
    const warmed = service({ poolSize: 2, cacheDir: undefined });
    warmed.warmUp();
    expect(warmed.liveProcesses).toBe(2);
    const result = await warmed.render('@startuml\nWarm -> Up : started early\n@enduml', study);
    expect(result.svg).toContain('>started early</text>');
    expect(warmed.processesStarted).toBe(2);
  });

  it('serves a second render from the disk cache without starting Java', async () => {
    const source = '@startuml\nCache -> Hit : first\n@enduml';
    const first = service();
    expect((await first.render(source, study)).cached).toBe(false);
    const second = service();
    const again = await second.render(source, study);
    expect(again.cached).toBe(true);
    expect(again.svg).toContain('>first</text>');
    expect(second.processesStarted).toBe(0);
    expect(second.stats).toEqual({ rendered: 0, cached: 1, failed: 0, busyMs: 0 });
    // Writes are atomic: no temporary files are left behind.
    const leftovers = readdirSync(path.join(cacheRoot, 'cache'), { recursive: true }).map(String).filter((f) => f.endsWith('.tmp'));
    expect(leftovers).toEqual([]);
  });

  it('inlines !include files relative to the note, nested ones relative to their file', async () => {
    const result = await service().render('@startuml\n!include parts/common.puml\nBrowser -> Server : GET /\n@enduml', study);
    expect(result.error).toBeUndefined();
    expect(result.svg).toContain('>Nested Server</text>');
    expect(result.prepared).toContain('participant "Nested Server" as Server');
  });

  it('rewrites a C4-PlantUML URL to the bundled stdlib and renders offline', async () => {
    const source = [
      '@startuml',
      '!include https://raw.githubusercontent.com/plantuml-stdlib/C4-PlantUML/master/C4_Container.puml',
      'Person(user, "Customer")',
      'Container(api, "API", "Go")',
      'Rel(user, api, "calls")',
      '@enduml',
    ].join('\n');
    const result = await service().render(source, study);
    expect(result.error).toBeUndefined();
    expect(result.prepared).toContain('!include <C4/C4_Container>');
    expect(result.svg).toContain('>Customer</text>');
  });

  it('renders the other C4 levels from the bundled stdlib', async () => {
    const c4 = service();
    const bodies: Record<string, string> = {
      C4_Component: 'Component(c, "Checkout", "TS")\nComponentDb(db, "Orders")\nRel(c, db, "writes")',
      C4_Deployment: 'Deployment_Node(n, "Cluster") {\n  Container(api, "API", "Go")\n}',
      C4_Dynamic: 'Person(u, "User")\nSystem(s, "Shop")\nRel(u, s, "orders")',
    };
    for (const [file, body] of Object.entries(bodies)) {
      const result = await c4.render(`@startuml\n!include https://raw.githubusercontent.com/plantuml-stdlib/C4-PlantUML/master/${file}.puml\n${body}\n@enduml`, study);
      expect(result.error, file).toBeUndefined();
      expect(result.svg, file).toMatch(/<svg /);
    }
  });

  it('runs PlantUML sandboxed: no file reads of its own, no secrets from the environment', async () => {
    // %load_json reads files inside PlantUML, past our include checks: the SANDBOX profile stops it
    // (under PlantUML's default profile this diagram shows the secret).
    const secretFile = path.resolve('tests/fixtures/diagrams/secret.json');
    process.env.DIAGRAMS_TEST_TOKEN = 'token-that-must-not-leak';
    try {
      const result = await service({ cacheDir: undefined }).render(
        `@startuml\n!$d = %load_json("${secretFile}")\nA -> B : x$d.secret\nB -> A : y%getenv("DIAGRAMS_TEST_TOKEN")\n@enduml`,
        study,
      );
      expect(result.svg).toContain('>x</text>');
      expect(result.svg).not.toContain('TOP SECRET');
      expect(result.svg).not.toContain('token-that-must-not-leak');
    } finally {
      delete process.env.DIAGRAMS_TEST_TOKEN;
    }
  });

  it('refuses a remote include, naming the line and the URL', async () => {
    const result = await service().render('@startuml\nA -> B\n!include https://example.com/x.puml\n@enduml', study);
    expect(result.error?.kind).toBe('include');
    expect(result.error?.line).toBe(2);
    expect(result.error?.message).toContain('https://example.com/x.puml');
    expect(result.svg).toBeUndefined();
  });

  it.each([['/etc/passwd'], ['../../secret.txt'], ['parts/../../../secret.txt']])('refuses the local include %s outside the notes folder', async (target) => {
    const result = await service().render(`@startuml\n!include ${target}\n@enduml`, study);
    expect(result.error?.kind).toBe('include');
    expect(result.error?.message).toMatch(/outside the notes folder/);
    expect(result.error?.line).toBe(1);
    expect(result.prepared).not.toContain('TOP SECRET');
  });

  it('reports a syntax error with its line in the source as written (not the error picture)', async () => {
    const result = await service().render('\n\n@startuml\nAlice -> Bob\nthis is not plantuml\n@enduml', study);
    expect(result.error?.kind).toBe('syntax');
    expect(result.error?.line).toBe(4);
    expect(result.error?.message).toMatch(/Syntax Error/i);
    expect(result.svg).toBeUndefined();
  });

  it('maps an error inside an included file to the !include line', async () => {
    const result = await service().render('@startuml\nA -> B\n!include parts/bad.puml\n@enduml', study);
    expect(result.error?.kind).toBe('syntax');
    expect(result.error?.line).toBe(2);
  });

  it('reports an infinite preprocessor loop', async () => {
    const result = await service().render('@startuml\n!while 1\nA -> B\n!endwhile\n@enduml', study);
    expect(result.error?.kind).toBe('syntax');
    expect(result.error?.message).toMatch(/loop/i);
  });

  it('stops a diagram that runs past the timeout, and the next diagram still renders', async () => {
    const slow = service({ cacheDir: undefined, timeoutMs: 5000 });
    // 2^24 preprocessor calls: minutes of work that PlantUML's loop guard does not catch.
    const endless = ['@startuml', '!function $f($n)', '!if $n < 1', '!return 1', '!endif', '!return $f($n - 1) + $f($n - 1)', '!endfunction', 'A -> B : $f(24)', '@enduml'].join('\n');
    const timedOut = await slow.render(endless, study);
    expect(timedOut.error?.kind).toBe('timeout');
    expect(timedOut.error?.message).toMatch(/longer than 5000 ms/);
    const recovered = await slow.render(SEQUENCE, study);
    expect(recovered.svg).toContain('>hello</text>');
    expect(slow.processesStarted).toBe(2);
  });

  it('lays out with Smetana, without PlantUML’s error picture, when dot is not on PATH', async () => {
    const noDot = service({ searchPath: '/nonexistent-bin' });
    expect(noDot.hasGraphviz).toBe(false);
    const component = await noDot.render('@startuml\ncomponent Web\ncomponent Db\nWeb --> Db : queries\n@enduml', study);
    expect(component.error).toBeUndefined();
    expect(component.smetana).toBe(true);
    expect(component.svg).toContain('>Web</text>');
    expect(component.svg).not.toMatch(/Dot Executable|Cannot find Graphviz|graphviz/i);
    const sequence = await noDot.render(SEQUENCE, study);
    expect(sequence.smetana).toBe(false);
  });

  it('reports Java as unavailable (so the caller can fall back) when it cannot start', async () => {
    const result = await service({ java: '/nonexistent/java', cacheDir: undefined }).render(SEQUENCE, study);
    expect(result.error?.kind).toBe('unavailable');
  });
});
