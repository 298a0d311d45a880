// SVG normalisation: scalable, labelled, ids unique per inlined copy.
import { describe, expect, it } from 'vitest';
import { labelSvg, normalizeSvg, prefixSvgIds } from '../../../src/diagrams/svg-normalize.ts';

const PLANTUML_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" data-diagram-type="CLASS" style="width:63px;height:178px;background:#FFFFFF;" width="63px" height="178px" viewBox="0 0 63 178" zoomAndPan="magnify" preserveAspectRatio="none" contentStyleType="text/css"><?plantuml 1.2026.8?><defs><filter id="f1"/></defs><g><!--class A--><g id="ent0001" filter="url(#f1)"><text>A</text></g><g class="link" data-entity-1="ent0001" id="lnk3"><use href="#ent0001"/></g></g></svg>';

describe('normalizeSvg', () => {
  it('drops fixed sizes and preserveAspectRatio="none", keeps the viewBox', () => {
    const { svg, width, height, diagramType } = normalizeSvg(PLANTUML_SVG);
    expect([width, height, diagramType]).toEqual([63, 178, 'CLASS']);
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 63 178" width="63" height="178" preserveAspectRatio="xMidYMid meet" class="plantuml"/);
    expect(svg).not.toMatch(/preserveAspectRatio="none"|style="width|<\?plantuml|<!--/);
  });
});

describe('labelSvg and prefixSvgIds', () => {
  it('names the picture and escapes the label', () => {
    expect(labelSvg('<svg viewBox="0 0 1 1"></svg>', 'A & "B"')).toBe('<svg role="img" aria-label="A &amp; &quot;B&quot;" viewBox="0 0 1 1"></svg>');
  });

  it('prefixes ids and every reference to them', () => {
    const svg = prefixSvgIds(normalizeSvg(PLANTUML_SVG).svg, 'diagram2-');
    expect(svg).toContain('<filter id="diagram2-f1"/>');
    expect(svg).toContain('id="diagram2-ent0001" filter="url(#diagram2-f1)"');
    expect(svg).toContain('data-entity-1="diagram2-ent0001" id="diagram2-lnk3"');
    expect(svg).toContain('<use href="#diagram2-ent0001"/>');
    expect(svg).not.toMatch(/id="(?!diagram2-)/);
  });
});
