// Diagram tooltips show names as the author wrote them: PlantUML's dotted <title>s are repaired
// from the source's display names (checked on the real jar's output), or dropped.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiagramService } from '../../../src/diagrams/diagram-service.ts';
import { repairSvgTitles } from '../../../src/diagrams/svg-titles.ts';

const titles = (svg: string): string[] => [...svg.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1]!);

const cacheDir = mkdtempSync(path.join(tmpdir(), 'svg-titles-'));
const service = new DiagramService({ rootDir: path.resolve('tests/fixtures/diagrams/notes'), cacheDir, poolSize: 1 });
afterAll(() => {
  service.shutdown();
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('PlantUML lifeline titles', () => {
  it('shows the participants\' names as written, from the real PlantUML output', async () => {
    const source = [
      '@startuml',
      'actor "User\'s Browser" as U',
      'participant "CloudFront (Edge)" as CF',
      'participant "Origin (S3 / ALB / EC2 / On-Prem)" as O',
      'participant "Café: naïve & <b>bold</b>" as C',
      'participant "🌐 Internet\\nGateway" as G',
      'participant Simple.Name',
      'participant Plain',
      'U -> CF : GET',
      'CF -> O : miss',
      'O -> C',
      'C -> G',
      'G -> Simple.Name',
      'Simple.Name -> Plain',
      '@enduml',
    ].join('\n');
    const result = await service.render(source, path.resolve('tests/fixtures/diagrams/notes'));
    expect(result.error).toBeUndefined();
    expect(titles(result.svg!)).toEqual([
      'User\'s Browser',
      'CloudFront (Edge)',
      'Origin (S3 / ALB / EC2 / On-Prem)',
      'Café: naïve &amp; bold',
      '🌐 Internet Gateway',
      'Simple.Name',
      'Plain',
    ]);
  });

  it('drops a dotted title that matches no name in the source', () => {
    expect(repairSvgTitles('<g><title>Gone .x.</title><rect/></g>', '@startuml\nA -> B\n@enduml')).toBe('<g><rect/></g>');
  });

  it('leaves titles without dots and SVGs without titles untouched', () => {
    expect(repairSvgTitles('<g><title>Alice</title></g>', '')).toBe('<g><title>Alice</title></g>');
    expect(repairSvgTitles('<svg/>', '')).toBe('<svg/>');
  });
});
