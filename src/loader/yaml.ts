// YAML as the notes use it (front matter, _config.yml, _data): parsed with the `yaml` library's
// alias limit, so an alias bomb ("billion laughs") is a located error instead of a build that
// runs out of memory or stops with a stack trace.
import { isAlias, LineCounter, parseDocument, visit } from 'yaml';

export interface YamlProblem {
  /** 1-based line in the YAML text. */
  line: number;
  message: string;
}

export interface YamlResult {
  value: unknown;
  error?: YamlProblem;
}

/** Aliases one document may expand; far above what a hand-written file uses. */
export const MAX_YAML_ALIASES = 100;

export function parseYaml(text: string): YamlResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const problem = doc.errors[0];
  if (problem) {
    // An unclosed `[` or quote is found at the end of the text: name the last written line,
    // not the line after it (the closing `---` of front matter).
    const line = lineCounter.linePos(Math.max(0, Math.min(problem.pos[0], text.trimEnd().length - 1))).line;
    return { value: undefined, error: { line, message: problem.message.split('\n')[0] ?? 'not valid YAML' } };
  }
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as unknown };
  } catch (error) {
    // The only failure left after parsing: too many aliases. Point at the first alias.
    let line = 1;
    visit(doc, {
      Alias(_key, node) {
        if (!isAlias(node) || !node.range) return undefined;
        line = lineCounter.linePos(node.range[0]).line;
        return visit.BREAK;
      },
    });
    return { value: undefined, error: { line, message: `${(error as Error).message} (more than ${MAX_YAML_ALIASES} aliases expanded)` } };
  }
}
