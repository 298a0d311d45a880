// Runs one build command and measures it: wall time and peak memory of its whole process tree
// (Node, its worker threads and the PlantUML JVMs), polled from /proc — `time -v` would see only the
// largest single process.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Measured {
  seconds: number;
  /** Peak of the summed resident memory of the process and its descendants, in MiB. */
  peakTreeMiB: number;
  /** Peak resident memory of the largest single process (the build's Node), in MiB. */
  peakMainMiB: number;
  /** Peak of each kind of process (Node, JVMs summed, Pagefind, …), in MiB, with when it was reached. */
  peakByKind: Map<string, { mib: number; seconds: number }>;
  /** What made up the whole tree's peak, and when: e.g. "at 41.3 s: Node 712, Pagefind 251". */
  peakTreeParts: string;
  /** CPU time (user + sys) of the process and the children it waited for (JVMs, Pagefind); NaN without GNU time. */
  cpuSeconds: number;
  log: string;
}

function readProc(pid: number, file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined; // exited between listing and reading
  }
}

/** The kind a process is counted under, from its command name (Node's main thread names itself MainThread). */
function kindOf(command: string): string {
  if (command === 'node' || command === 'MainThread') return 'Node';
  if (command === 'java') return 'JVMs';
  if (command.startsWith('pagefind')) return 'Pagefind';
  return command;
}

/** Resident kB of `root` and every descendant, in all and by kind of process. */
function treeRss(root: number): { total: number; largest: number; byKind: Map<string, number> } {
  const children = new Map<number, number[]>();
  const commands = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = readProc(pid, 'stat');
    if (!stat) continue;
    // Fields after the parenthesised command: state, ppid, …
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    commands.set(pid, stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
    const list = children.get(ppid) ?? [];
    list.push(pid);
    children.set(ppid, list);
  }
  let total = 0;
  let largest = 0;
  const byKind = new Map<string, number>();
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readProc(pid, 'status') ?? '')?.[1] ?? 0);
    total += kb;
    largest = Math.max(largest, kb);
    const kind = kindOf(commands.get(pid) ?? '?');
    if (kb > 0) byKind.set(kind, (byKind.get(kind) ?? 0) + kb);
    queue.push(...(children.get(pid) ?? []));
  }
  return { total, largest, byKind };
}

const GNU_TIME = '/usr/bin/time';

function readCpu(file: string): number {
  const [user, sys] = readFileSync(file, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  rmSync(path.dirname(file), { recursive: true, force: true });
  return (user ?? Number.NaN) + (sys ?? Number.NaN);
}

export function measure(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Measured> {
  const started = performance.now();
  // GNU time reports the CPU time of the whole tree (a shared machine's wall time says little).
  const timeFile = existsSync(GNU_TIME) ? path.join(mkdtempSync(path.join(tmpdir(), 'bench-time-')), 'cpu') : undefined;
  const [program, argv] = timeFile ? [GNU_TIME, ['-f', '%U %S', '-o', timeFile, command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const child = spawn(program, argv, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    let peakTree = 0;
    let peakMain = 0;
    let peakTreeParts = '';
    const peakByKind = new Map<string, { mib: number; seconds: number }>();
    const poll = setInterval(() => {
      if (!child.pid) return;
      const { total, largest, byKind } = treeRss(child.pid);
      const at = (performance.now() - started) / 1000;
      const mib = (kb: number): number => Math.round(kb / 1024);
      if (total > peakTree) peakTreeParts = `at ${at.toFixed(1)} s: ${[...byKind].sort((a, b) => b[1] - a[1]).map(([kind, kb]) => `${kind} ${mib(kb)}`).join(', ')}`;
      peakTree = Math.max(peakTree, total);
      peakMain = Math.max(peakMain, largest);
      for (const [kind, kb] of byKind) if (kb / 1024 > (peakByKind.get(kind)?.mib ?? 0)) peakByKind.set(kind, { mib: kb / 1024, seconds: at });
    }, 100);
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(poll);
      const seconds = (performance.now() - started) / 1000;
      const cpuSeconds = timeFile ? readCpu(timeFile) : Number.NaN;
      if (code !== 0) return reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${log.slice(-3000)}`));
      resolve({ seconds, peakTreeMiB: peakTree / 1024, peakMainMiB: peakMain / 1024, peakByKind, peakTreeParts, cpuSeconds, log });
    });
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
