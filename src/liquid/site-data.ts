// `site.data`: the notes folder's `_data/*.yml|yaml|json` files, by file name (subfolders nest),
// as Jekyll's DataReader builds it. Read through the confinement rule; YAML with the alias limit.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { NotesFolder } from '../loader/confine.ts';
import { invalidUtf8Message, readTextFile } from '../loader/text-file.ts';
import { parseYaml } from '../loader/yaml.ts';

export interface SiteData {
  data: Record<string, unknown>;
  /** Files that could not be read, with the 1-based line of the problem. */
  problems: Array<{ file: string; line: number | undefined; message: string; severity?: 'error' }>;
}

const DATA_FILE = /\.(ya?ml|json)$/i;

function jsonErrorLine(text: string, message: string): number {
  const position = /position (\d+)/.exec(message);
  const line = /line (\d+)/.exec(message);
  if (line) return Number(line[1]);
  return position ? text.slice(0, Number(position[1])).split('\n').length : 1;
}

function readDataFile(file: string, problems: SiteData['problems']): unknown {
  const { text, invalidUtf8 } = readTextFile(file);
  if (invalidUtf8) problems.push({ file, line: invalidUtf8.line, message: invalidUtf8Message(invalidUtf8), severity: 'error' });
  if (file.toLowerCase().endsWith('.json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      const message = (error as Error).message;
      problems.push({ file, line: jsonErrorLine(text, message), message: `not valid JSON: ${message}` });
      return undefined;
    }
  }
  const { value, error } = parseYaml(text);
  if (error) {
    problems.push({ file, line: error.line, message: `not valid YAML: ${error.message}`, severity: 'error' });
    return undefined;
  }
  return value;
}

function readFolder(folder: NotesFolder, dir: string, problems: SiteData['problems']): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    let directory = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      const target = folder.checkEntry(full, path.relative(folder.root, full));
      if (target.problem !== undefined) {
        problems.push({ file: full, line: undefined, message: `${target.problem}; not read`, severity: 'error' });
        continue;
      }
      directory = target.directory;
    } else if (!directory && !entry.isFile()) continue;
    if (directory) data[entry.name] = readFolder(folder, full, problems);
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
  const folder = new NotesFolder(notesDir);
  // `_data` itself may be a link too: it must stay inside the notes folder.
  if (!existsSync(dir)) return { data: {}, problems };
  const located = folder.checkEntry(dir, '_data');
  if (located.problem !== undefined) return { data: {}, problems: [{ file: dir, line: undefined, message: `${located.problem}; not read`, severity: 'error' }] };
  return { data: located.directory ? readFolder(folder, dir, problems) : {}, problems };
}
