// Source preparation: one diagram block, includes inlined and confined, URLs rewritten or refused.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareSource } from '../../../src/diagrams/prepare-source.ts';
import { stdlibFor } from '../../../src/diagrams/stdlib-urls.ts';

const rootDir = path.resolve('tests/fixtures/diagrams/notes');
const baseDir = path.join(rootDir, 'study');
const prepare = (source: string) => prepareSource(source, { rootDir, baseDir });

describe('stdlibFor', () => {
  it.each([
    ['https://raw.githubusercontent.com/plantuml-stdlib/C4-PlantUML/master/C4_Context.puml', '<C4/C4_Context>'],
    ['https://raw.githubusercontent.com/plantuml-stdlib/C4-PlantUML/v2.8.0/C4_Container.puml', '<C4/C4_Container>'],
    ['https://raw.githubusercontent.com/plantuml-stdlib/C4-PlantUML/refs/heads/master/C4_Component.puml', '<C4/C4_Component>'],
    ['https://github.com/plantuml-stdlib/C4-PlantUML/raw/master/C4_Dynamic.puml', '<C4/C4_Dynamic>'],
    ['https://github.com/plantuml-stdlib/C4-PlantUML/blob/master/C4_Deployment.puml?raw=true', '<C4/C4_Deployment>'],
    ['https://cdn.jsdelivr.net/gh/plantuml-stdlib/C4-PlantUML@master/C4_Context.puml', '<C4/C4_Context>'],
    ['https://raw.githubusercontent.com/RicardoNiepel/C4-PlantUML/master/C4_Context.puml', '<C4/C4_Context>'],
  ])('%s → %s', (url, expected) => {
    expect(stdlibFor(url)).toBe(expected);
  });

  it('knows nothing of other hosts', () => {
    expect(stdlibFor('https://example.com/C4_Context.puml')).toBeUndefined();
    expect(stdlibFor('https://raw.githubusercontent.com/someone/private/main/x.puml')).toBeUndefined();
  });
});

describe('prepareSource', () => {
  it('keeps one @startuml…@enduml block and remembers where each line came from', () => {
    const prepared = prepare('\n  \n@startuml\nA -> B\n@enduml\ntrailing text');
    expect(prepared.text).toBe('@startuml\nA -> B\n@enduml');
    expect(prepared.origins).toEqual([2, 3, 4]);
  });

  it('wraps a fenced body without @startuml and closes an unclosed block', () => {
    expect(prepare('A -> B').text).toBe('@startuml\nA -> B\n@enduml');
    expect(prepare('A -> B').origins).toEqual([0, 0, 0]);
    expect(prepare('@startuml\nA -> B').text).toBe('@startuml\nA -> B\n@enduml');
  });

  it('inlines nested includes; their lines belong to the !include line', () => {
    const prepared = prepare('@startuml\n!include parts/common.puml\nBrowser -> Server\n@enduml');
    expect(prepared.problems).toEqual([]);
    expect(prepared.text).toContain('participant Browser\nparticipant "Nested Server" as Server\nBrowser -> Server');
    expect(prepared.origins).toEqual([0, 1, 1, 1, 2, 3]);
  });

  it('takes only the inside of an included @startuml file', () => {
    const prepared = prepare('@startuml\n!include assets/flow.puml\n@enduml');
    expect(prepared.text).toBe('@startuml\ntitle Included flow\nAlice -> Bob : from include_relative\nBob --> Alice : ok\n@enduml');
  });

  it('rewrites C4 URLs and keeps stdlib includes', () => {
    const prepared = prepare('@startuml\n!include https://raw.githubusercontent.com/plantuml-stdlib/C4-PlantUML/master/C4_Context.puml\n!include <tupadr3/common>\n@enduml');
    expect(prepared.text).toBe('@startuml\n!include <C4/C4_Context>\n!include <tupadr3/common>\n@enduml');
  });

  it.each([
    ['!include https://example.com/x.puml', /remote include refused.*https:\/\/example\.com\/x\.puml/],
    ['!includeurl http://intranet/x.puml', /remote include refused.*http:\/\/intranet\/x\.puml/],
    ['!theme cerulean from https://example.com/themes', /remote theme refused/],
    ['!include /etc/passwd', /outside the notes folder/],
    ['!include ../../secret.txt', /outside the notes folder/],
    ['!include missing.puml', /include not found: missing\.puml/],
    ['!include $dir/x.puml', /variables/],
  ])('refuses %s', (line, message) => {
    const prepared = prepare(`@startuml\nA -> B\n${line}\n@enduml`);
    expect(prepared.problems).toHaveLength(1);
    expect(prepared.problems[0]!.line).toBe(2);
    expect(prepared.problems[0]!.message).toMatch(message);
    expect(prepared.text).not.toContain(line);
  });
});
