// The one confinement rule: real paths inside the notes folder, nothing hidden, links checked.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isInsideFolder, NotesFolder } from '../../../src/loader/confine.ts';
import { scanNotes, type RefusedFile } from '../../../src/loader/scan-notes.ts';
import { prepareSource } from '../../../src/diagrams/prepare-source.ts';
import { readDataFolder } from '../../../src/liquid/site-data.ts';

let root: string;
let notes: string;
let folder: NotesFolder;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'confine-'));
  notes = path.join(root, 'notes');
  mkdirSync(path.join(notes, 'study', 'parts'), { recursive: true });
  mkdirSync(path.join(notes, '.git'));
  mkdirSync(path.join(notes, '_data'));
  mkdirSync(path.join(root, 'notes-secret'));
  writeFileSync(path.join(root, 'notes-secret', 'x.txt'), 'sibling secret');
  writeFileSync(path.join(root, 'secret.txt'), 'outside secret');
  writeFileSync(path.join(notes, '.git', 'config'), 'token');
  writeFileSync(path.join(notes, 'study', 'parts', 'common.puml'), 'Alice -> Bob\n');
  writeFileSync(path.join(notes, 'study', 'note.md'), '---\n---\n');
  symlinkSync(path.join(root, 'secret.txt'), path.join(notes, 'study', 'secret.txt'));
  symlinkSync(path.join(notes, '.git', 'config'), path.join(notes, 'study', 'git-config'));
  symlinkSync(path.join(root, 'notes-secret'), path.join(notes, 'study', 'linked'));
  symlinkSync(path.join(notes, 'study', 'parts'), path.join(notes, 'study', 'parts-alias'));
  symlinkSync(notes, path.join(notes, 'study', 'loop'));
  symlinkSync(path.join(root, 'secret.txt'), path.join(notes, '_data', 'leak.yml'));
  folder = new NotesFolder(notes);
});

describe('NotesFolder', () => {
  it('reads files inside, through links that stay inside', () => {
    expect(folder.resolve('parts/common.puml', path.join(notes, 'study')).file).toBe(path.join(folder.realRoot, 'study', 'parts', 'common.puml'));
    expect(folder.resolve('parts-alias/common.puml', path.join(notes, 'study')).file).toBeDefined();
  });

  it.each([
    ['../../secret.txt', /outside the notes folder/],
    ['/etc/passwd', /outside the notes folder/],
    ['../../notes-secret/x.txt', /outside the notes folder/],
    ['secret.txt', /symbolic link pointing outside/],
    ['linked/x.txt', /symbolic link pointing outside/],
    ['../.git/config', /inside "\.git", a hidden/],
    ['git-config', /symbolic link into "\.git"/],
    ['missing.txt', /file not found/],
    ['parts', /not a file/],
  ])('refuses %s', (target, message) => {
    const result = folder.resolve(target, path.join(notes, 'study'));
    expect(result.file).toBeUndefined();
    expect(result.problem).toMatch(message);
  });

  it('compares folders with the separator (a sibling with a longer name is outside)', () => {
    expect(isInsideFolder('/a/notes', '/a/notes-secret/x')).toBe(false);
    expect(isInsideFolder('/a/notes', '/a/notes/x')).toBe(true);
    expect(isInsideFolder('/a/notes', '/a/notes/..x')).toBe(true);
  });
});

describe('every reader uses it', () => {
  it('scan: links outside are refused and listed, links inside are published, loops end', () => {
    const refused: RefusedFile[] = [];
    const files = scanNotes(notes, [], refused).map((f) => f.relPath);
    expect(files).toContain('study/parts-alias/common.puml');
    expect(files).not.toContain('study/secret.txt');
    expect(files.some((f) => f.startsWith('study/linked/'))).toBe(false);
    expect(refused.map((r) => r.relPath).sort()).toEqual(['study/git-config', 'study/linked', 'study/secret.txt']);
    expect(files.filter((f) => f.startsWith('study/loop/'))).toEqual([]);
  });

  it('PlantUML !include: a link outside is refused', () => {
    const prepared = prepareSource('@startuml\n!include secret.txt\n!include parts/common.puml\n@enduml', { baseDir: path.join(notes, 'study'), rootDir: notes });
    expect(prepared.problems).toEqual([{ line: 1, message: 'include refused: secret.txt is a symbolic link pointing outside the notes folder' }]);
    expect(prepared.text).toContain('Alice -> Bob');
    expect(prepared.text).not.toContain('outside secret');
  });

  it('_data: a link outside is an error and is not read', () => {
    const data = readDataFolder(notes);
    expect(data.data).toEqual({});
    expect(data.problems).toEqual([expect.objectContaining({ file: path.join(notes, '_data', 'leak.yml'), severity: 'error', message: expect.stringMatching(/symbolic link pointing outside/) })]);
  });
});
