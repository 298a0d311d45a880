// Golden files (expected output kept beside the input): compared, never written by a normal run.
// A missing expected file fails the test; `npm run fixtures:update` (UPDATE_FIXTURES=1) writes
// them all, to be reviewed in the diff before committing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

export function expectGolden(actual: string, file: string): void {
  if (process.env.UPDATE_FIXTURES === '1') {
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) {
    throw new Error(`${path.relative(process.cwd(), file)} is missing: write it with \`npm run fixtures:update\` and review it`);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
