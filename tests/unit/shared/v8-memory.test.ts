// The build's memory release borrows V8's gc() without --expose-gc: the program (Astro, the
// user's plugins) must not find a `gc` it never asked for, neither on its global nor in the
// contexts it creates afterwards.
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { releaseMemory } from '../../../src/shared/v8-memory.ts';

describe('releaseMemory', () => {
  it('collects without exposing gc() to the program', () => {
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe('undefined');
    // A threshold of 0: always collects (the build's default skips small processes).
    expect(releaseMemory(0)).toBeGreaterThanOrEqual(0);
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe('undefined');
    expect(runInNewContext('typeof gc')).toBe('undefined');
  });
});
