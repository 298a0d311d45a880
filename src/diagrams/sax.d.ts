// sax ships no types; only its strict parser's error and close events are used (svg-check.ts).
declare module 'sax' {
  export interface SAXParser {
    onerror: (error: Error) => void;
    onopentag: (node: { name: string }) => void;
    write(chunk: string): SAXParser;
    close(): SAXParser;
  }
  export function parser(strict: boolean, options?: Record<string, unknown>): SAXParser;
  const sax: { parser: typeof parser };
  export default sax;
}
