// Diagrams through a whole Astro build: the summary line, a failed diagram reported at its note
// line with the page still written, and the one Smetana warning when Graphviz is hidden.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/astro-build.ts';
import { writeNotesFolder } from '../helpers/notes-folder.ts';

const note = [
  '---',
  'title: Diagrams',
  'permalink: /diagrams',
  '---',
  '',
  '```plantuml',
  '@startuml',
  'component Web',
  'component Api',
  'Web --> Api',
  '@enduml',
  '```',
  '',
  '<script type="text/plain">',
  '@startuml',
  'Alice -> Bob : hi',
  'this is not plantuml',
  '@enduml',
  '</script>',
  '',
].join('\n');

let build: BuildResult;

beforeAll(() => {
  build = buildSite(writeNotesFolder({ 'diagrams.md': note }), { DIAGRAMS_SEARCH_PATH: '/nonexistent' });
});

describe('diagrams in a build without Graphviz', () => {
  it('renders what it can and prints the diagram summary', () => {
    expect(build.status, build.output).toBe(0);
    expect(build.output).toMatch(/\[diagrams\] 2 rendered, 0 from cache, 1 failed/);
    expect(build.read('diagrams.html')).toMatch(/<svg[^>]*class="[^"]*plantuml/);
  });

  it('reports the failed diagram at its line in the note and shows an error box instead', () => {
    expect(build.output).toMatch(/diagrams\.md:17: warning \[diagram\]/);
    expect(build.read('diagrams.html')).toContain('data-figure="diagram-error"');
  });

  it('warns once that Smetana laid out the component diagram', () => {
    expect(build.output.match(/\[diagram-layout\]/g)).toHaveLength(1);
    expect(build.output).toMatch(/diagrams\.md:6: warning \[diagram-layout\] Graphviz \(dot\) not found: 1 diagram/);
  });
});
