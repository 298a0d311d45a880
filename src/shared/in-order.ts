/**
 * The results of `tasks` in order, with up to `ahead` of them started before their turn: a loop
 * that awaits one read at a time also waits, each time, for whatever else the event loop is doing.
 * At most `ahead` results are held; a task that fails throws in its turn.
 */
export async function* inOrder<T>(tasks: ReadonlyArray<() => Promise<T>>, ahead: number): AsyncIterable<T> {
  const started = new Map<number, Promise<T>>();
  const start = (i: number): void => {
    if (i >= tasks.length) return;
    const result = tasks[i]!();
    result.catch(() => undefined); // awaited in its turn below; not an unhandled rejection meanwhile
    started.set(i, result);
  };
  for (let i = 0; i < ahead; i++) start(i);
  for (let i = 0; i < tasks.length; i++) {
    const result = await started.get(i)!;
    started.delete(i);
    start(i + ahead);
    yield result;
  }
}
