// Summarises a V8 .cpuprofile (from `node --cpu-prof`): the functions and the packages with the
// most self time, and the inclusive time of functions whose name matches --match.
//   node scripts/bench/profile-top.ts FILE.cpuprofile [--top 25]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' } } });
const profile = JSON.parse(readFileSync(positionals[0]!, 'utf8')) as Profile;
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
const total = [...self.values()].reduce((a, b) => a + b, 0);

const where = (url: string): string => {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  const src = /\/(src\/.*|scripts\/.*)$/.exec(url)?.[1];
  return src ?? (url ? url.replace(/^.*\//, '') : '(native)');
};
const byFunction = new Map<string, number>();
const byPackage = new Map<string, number>();
for (const node of profile.nodes) {
  const ms = self.get(node.id) ?? 0;
  if (!ms) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const key = `${functionName || '(anonymous)'} ${where(url)}:${lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
  byPackage.set(where(url), (byPackage.get(where(url)) ?? 0) + ms);
}
const top = (map: Map<string, number>): string =>
  [...map].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top)).map(([k, ms]) => `${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${k}`).join('\n');
console.log(`total sampled ${total.toFixed(0)} ms\n\nself time by function:\n${top(byFunction)}\n\nself time by package:\n${top(byPackage)}`);
