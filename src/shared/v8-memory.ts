// What a one-shot build asks of V8 so its process tree stays small (issue 12: 1,000 notes × 2
// diagrams within 1 GiB). Measured on a cold 1,000-note build: while notes render, each note's
// trees live a few hundred milliseconds (waiting on PlantUML) and are promoted, so V8 lets the old
// generation grow to ~4× what is live (~370 MB committed for ~110 MB live) beside the two JVMs,
// and Node never gives it back. After the pages are drawn, V8 keeps the pages it freed pooled and
// the young generation at its grown size (Node's RSS ~400 MB above its live heap), and
// Pagefind's own process (~250 MB) started on top of that: the whole tree's peak (1.15–1.2 GiB).
// V8 returns such memory by itself only when the process idles (its memory reducer), which a busy
// build never does.
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

type GcFunction = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

/** Resolved once: the gc() of V8's gc extension, or null where it cannot be had. */
let gcFunction: GcFunction | null | undefined;

/** Node flags the user chose (command line or NODE_OPTIONS): never overridden here. */
const userFlags = (): string => `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`;

/**
 * V8's gc() without starting Node with --expose-gc: the flag, set for a moment, exposes gc() in
 * a context created meanwhile (Node has no API for it). Null if this V8 refuses.
 */
function collector(): GcFunction | null {
  if (gcFunction !== undefined) return gcFunction;
  const global = (globalThis as { gc?: unknown }).gc;
  if (typeof global === 'function') return (gcFunction = global as GcFunction);
  try {
    v8.setFlagsFromString('--expose-gc');
    const exposed = runInNewContext('typeof gc === "function" ? gc : null') as GcFunction | null;
    gcFunction = exposed;
  } catch {
    gcFunction = null;
  } finally {
    v8.setFlagsFromString('--no-expose-gc');
  }
  return gcFunction;
}

/**
 * Below this RSS a full collection's pause (~0.1–0.3 s) buys nothing worth having: the warm and
 * small builds stay far under the budget, and their time is what they are judged on.
 */
export const RELEASE_ABOVE_BYTES = 512 * 2 ** 20;

/**
 * A full, memory-reducing collection (V8's "last resort" flavour: compacts the old generation,
 * shrinks the young one, returns pooled pages to the OS) when the process is large enough for it
 * to matter. Returns the RSS it gave back in bytes (0 when skipped or unavailable).
 */
export function releaseMemory(aboveBytes = RELEASE_ABOVE_BYTES): number {
  const before = process.memoryUsage.rss();
  if (before < aboveBytes) return 0;
  const gc = collector();
  if (!gc) return 0;
  gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  return Math.max(0, before - process.memoryUsage.rss());
}

/**
 * Caps how far V8 lets the old generation grow past what survived its last full collection
 * (`--heap-growing-percent`; V8's own choice goes up to 300 % on a large machine). It only makes
 * full collections come sooner: the heap limit is unchanged, so a bigger site still builds.
 * Returns the function that restores V8's own choice. A value the user set is left alone.
 */
export function limitHeapGrowth(percent: number): () => void {
  if (userFlags().includes('heap-growing-percent')) return () => undefined;
  v8.setFlagsFromString(`--heap-growing-percent=${Math.round(percent)}`);
  return () => v8.setFlagsFromString('--heap-growing-percent=0');
}
