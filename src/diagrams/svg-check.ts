// Is this a whole SVG document? A cache entry cut short (a full disk, a killed build) or edited by
// hand must not be published: it is parsed by sax, a strict XML parser, before it is trusted.
import sax from 'sax';

export function isWellFormedSvg(svg: string): boolean {
  let root: string | undefined;
  let failed = false;
  const parser = sax.parser(true);
  parser.onerror = () => {
    failed = true;
  };
  parser.onopentag = (node) => {
    root ??= node.name;
  };
  try {
    parser.write(svg).close();
  } catch {
    return false;
  }
  return !failed && root === 'svg';
}
