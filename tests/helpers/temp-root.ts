// Vitest's global setup: the test run gets a temporary folder of its own (TMPDIR, which
// os.tmpdir() reads, inherited by the test workers and the builds they start), removed when the
// run ends. The tests make hundreds of notes folders, caches and outputs with mkdtemp; without
// this each run left them all in the system's temporary folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(path.join(tmpdir(), 'study-notes-tests-'));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
