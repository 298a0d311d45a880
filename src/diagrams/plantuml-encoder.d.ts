// plantuml-encoder ships no types; it turns a diagram source into PlantUML's URL encoding.
declare module 'plantuml-encoder' {
  export function encode(source: string): string;
  export function decode(encoded: string): string;
}
