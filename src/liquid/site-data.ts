// `site.data`: the notes folder's `_data/*.yml|yaml|json` files, by file name (subfolders nest),
// as Jekyll's DataReader builds it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';

export interface SiteData {
  data: Record<string, unknown>;
  /** Files that could not be read, with the 1-based line of the problem. */
  problems: Array<{ file: string; line: number; message: string }>;
}

const DATA_FILE = /\.(ya?ml|json)$/i;

function readDataFile(file: string, problems: SiteData['problems']): unknown {
  const text = readFileSync(file, 'utf8');
  if (file.toLowerCase().endsWith('.json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      problems.push({ file, line: 1, message: `not valid JSON: ${(error as Error).message}` });
      return undefined;
    }
  }
  const doc = parseDocument(text, { prettyErrors: false });
  const problem = doc.errors[0];
  if (problem) {
    problems.push({ file, line: problem.linePos?.[0]?.line ?? 1, message: `not valid YAML: ${problem.message.split('\n')[0] ?? ''}` });
    return undefined;
  }
  return doc.toJS() as unknown;
}

function readFolder(dir: string, problems: SiteData['problems']): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) data[entry.name] = readFolder(full, problems);
    else if (DATA_FILE.test(entry.name)) {
      const value = readDataFile(full, problems);
      if (value !== undefined) data[entry.name.replace(DATA_FILE, '')] = value;
    }
  }
  return data;
}

export function readDataFolder(notesDir: string): SiteData {
  const problems: SiteData['problems'] = [];
  const dir = path.join(notesDir, '_data');
  return { data: existsSync(dir) ? readFolder(dir, problems) : {}, problems };
}
