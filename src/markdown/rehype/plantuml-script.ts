// Which `<script>` elements hold a PlantUML source: read by rehype-diagrams (to render them) and
// rehype-figures (to leave such a wrapper to the diagrams), so both agree.
import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';

/** `@startuml`, `@startmindmap`, … */
const PLANTUML_START = /@start\w+/;

/** A script holding a PlantUML source, whatever its type. */
export function holdsPlantUml(script: Element): boolean {
  return script.tagName === 'script' && PLANTUML_START.test(toString(script));
}

/** A script the diagrams plugin renders: `type="text/plain"` (or `text/x-plantuml`) with a PlantUML source. */
export function isDiagramScript(script: Element): boolean {
  const type = typeof script.properties.type === 'string' ? script.properties.type.replace(/\s+/g, ' ').trim().toLowerCase() : '';
  return (type === 'text/plain' || type === 'text/x-plantuml') && holdsPlantUml(script);
}
