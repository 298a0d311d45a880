// PlantUML diagrams in a note become inline SVG figures, rendered by the diagram service.
// Sources: <script type="text/plain"> blocks holding @startuml…@enduml (inside an image-wrapper
// or alone) and fenced ```plantuml / ```puml code. The author's exported <img> beside a source
// is only a fallback for when the source cannot be rendered at all (no Java).
import path from 'node:path';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type { Plugin } from 'unified';
import { SKIP, visit } from '../visit.ts';
import type { LayoutFallback } from '../../diagrams/build-diagrams.ts';
import type { DiagramResult, DiagramService } from '../../diagrams/diagram-service.ts';
import { labelSvg, prefixSvgIds } from '../../diagrams/svg-normalize.ts';
import { noteLine, type NoteContext } from '../note-context.ts';
import { diagramErrorFigure, diagramFigure, fallbackImageFigure } from './diagram-figure.ts';
import { scriptLineMapper } from './diagram-lines.ts';
import { classesOf } from '../hast.ts';
import { isDiagramScript } from './plantuml-script.ts';

export interface RehypeDiagramsOptions {
  /** The service to render with (called once per note, so it can be created lazily). */
  service: (context: NoteContext) => { service: DiagramService; layoutFallbacks?: LayoutFallback[] };
}

interface Found {
  /** Where `node` sits in `parent` (set when found: no search of the siblings per diagram). */
  index?: number;
  /** The element replaced by the figure (wrapper, script or pre). */
  node: Element;
  parent: Element | Root;
  source: string;
  /** 0-based line of `source` → note line. */
  lineOf: (line: number) => number | undefined;
  /** Note line of the element, for messages without a line. */
  line: number | undefined;
  caption: string;
  alt: string;
  img: Element | undefined;
}

const clean = (text: string): string => text.replace(/\s+/g, ' ').trim();
const prop = (node: Element | undefined, name: string): string => (node && typeof node.properties[name] === 'string' ? clean(node.properties[name]) : '');


function descendants(root: Element, test: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(root, 'element', (el) => {
    if (el !== root && test(el)) found.push(el);
  });
  return found;
}

function fromScript(context: NoteContext, script: Element, parent: Element | Root, wrapper?: Element): Found {
  const text = toString(script);
  const line = noteLine(context, script);
  const toNote = line === undefined ? undefined : scriptLineMapper(context.source, line, text);
  const captionDiv = wrapper ? descendants(wrapper, (el) => classesOf(el).some((c) => c === 'diagram-caption' || c === 'image-caption'))[0] : undefined;
  const img = wrapper ? descendants(wrapper, (el) => el.tagName === 'img')[0] : undefined;
  return {
    node: wrapper ?? script,
    parent,
    source: text.replace(/^\s*\n/, '').replace(/\s+$/, ''),
    // `source` dropped the leading blank part of `text`: count those lines back in.
    lineOf: (n) => toNote?.(n + (text.match(/^\s*\n/)?.[0].split('\n').length ?? 1) - 1),
    line,
    caption: (captionDiv ? clean(toString(captionDiv)) : '') || prop(img, 'dataCaption'),
    alt: prop(img, 'alt'),
    img,
  };
}

function fromFence(context: NoteContext, pre: Element, code: Element, parent: Element | Root): Found {
  const fence = pre.position?.start.line;
  return {
    node: pre,
    parent,
    source: toString(code).replace(/\s+$/, ''),
    lineOf: (n) => (fence === undefined ? undefined : context.lineMap.map(fence + 1 + n)),
    line: noteLine(context, pre),
    caption: '',
    alt: '',
    img: undefined,
  };
}

function findDiagrams(tree: Root, context: NoteContext): Found[] {
  const found: Found[] = [];
  visit(tree, 'element', (node, index, parent) => {
    if (!parent) return undefined;
    const before = found.length;
    const result = decide(node, parent);
    if (found.length > before) found[before]!.index = index;
    return result;
  });
  return found;

  function decide(node: Element, parent: Element | Root): typeof SKIP | undefined {
    if (classesOf(node).includes('image-wrapper')) {
      const scripts = descendants(node, isDiagramScript);
      if (scripts.length === 0) return undefined;
      found.push(fromScript(context, scripts[0]!, parent, node));
      return SKIP;
    }
    if (node.tagName === 'script' && isDiagramScript(node)) {
      found.push(fromScript(context, node, parent));
      return SKIP;
    }
    if (node.tagName === 'pre') {
      const code = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
      if (code && classesOf(code).some((c) => c === 'language-plantuml' || c === 'language-puml')) found.push(fromFence(context, node, code, parent));
      return SKIP;
    }
    return undefined;
  }
}

/**
 * Diagram scripts sharing an id: the page built by Jekyll shows one source twice. The scripts are
 * gone from the finished page (the site checks report other duplicate ids there), so here.
 */
function reportDuplicateScriptIds(tree: Root, context: NoteContext): void {
  const seen = new Map<string, Element>();
  visit(tree, 'element', (node) => {
    const id = prop(node, 'id');
    if (!id || !isDiagramScript(node)) return;
    if (seen.has(id)) context.diagnostics.warn(context.file, noteLine(context, node), 'duplicate-id', `script id "${id}" is used twice on this page (first at line ${noteLine(context, seen.get(id)!) ?? '?'})`);
    else seen.set(id, node);
  });
}

function figureFor(found: Found, result: DiagramResult, context: NoteContext, idPrefix: string): Element {
  const label = found.caption || found.alt || /^\s*title\s+(.+)$/m.exec(found.source)?.[1]?.trim() || 'Diagram';
  if (result.svg) return diagramFigure(prefixSvgIds(labelSvg(result.svg, label), idPrefix), found.caption, found.source, result.prepared);
  // Neither a picture nor an error (a service fault): still a located error, never a lost page.
  const error = result.error ?? { kind: 'unavailable' as const, message: 'the diagram service returned neither a picture nor an error', line: undefined };
  const line = (error.line === undefined ? undefined : found.lineOf(error.line)) ?? found.line;
  if (error.kind === 'unavailable' && found.img) {
    const src = prop(found.img, 'src');
    context.diagnostics.warn(context.file, found.line, 'diagram', `diagram not rendered (${error.message}); showing the author's picture ${src} instead`);
    return fallbackImageFigure(found.img, found.caption || found.alt);
  }
  const message = { syntax: `PlantUML: ${error.message}`, include: error.message, timeout: error.message, unavailable: `diagram not rendered: ${error.message}` }[error.kind];
  context.diagnostics.warn(context.file, line, 'diagram', message);
  return diagramErrorFigure(message, `${context.relPath}${line ? `:${line}` : ''}`, found.caption, found.source, result.prepared);
}

const rehypeDiagrams: Plugin<[RehypeDiagramsOptions], Root> = (options) => async (tree, file) => {
  const context = file.data.note;
  if (!context) return;
  reportDuplicateScriptIds(tree, context);
  const found = findDiagrams(tree, context);
  if (found.length === 0) return;
  const { service, layoutFallbacks } = options.service(context);
  const baseDir = path.dirname(context.file);
  const results = await Promise.all(found.map((f) => service.render(f.source, baseDir)));
  found.forEach((f, i) => {
    const result = results[i]!;
    for (const file of result.files) context.readFiles?.add(file);
    if (result.smetana) layoutFallbacks?.push({ file: context.file, line: f.line });
    const figure = figureFor(f, result, context, `diagram${i + 1}-`);
    const index = f.index !== undefined && f.parent.children[f.index] === f.node ? f.index : f.parent.children.indexOf(f.node);
    if (index >= 0) f.parent.children[index] = figure;
  });
};

export default rehypeDiagrams;
