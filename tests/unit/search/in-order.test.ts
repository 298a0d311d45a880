// Reads started ahead of their turn still come back in order, a bounded number at a time.
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { inOrder } from '../../../src/shared/in-order.ts';

describe('inOrder', () => {
  it('yields every result in order with at most `ahead` tasks running', async () => {
    let running = 0;
    let most = 0;
    const tasks = Array.from({ length: 30 }, (_, i) => async () => {
      running += 1;
      most = Math.max(most, running);
      await sleep(Math.random() * 5);
      running -= 1;
      return i;
    });
    const results: number[] = [];
    for await (const result of inOrder(tasks, 4)) results.push(result);
    expect(results).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(most).toBe(4);
  });

  it('throws a failed task in its turn, after the results before it', async () => {
    const tasks = [async () => 'a', async () => Promise.reject(new Error('unreadable page')), async () => 'c'];
    const results: string[] = [];
    await expect(async () => {
      for await (const result of inOrder(tasks, 3)) results.push(result);
    }).rejects.toThrow('unreadable page');
    expect(results).toEqual(['a']);
  });
});
