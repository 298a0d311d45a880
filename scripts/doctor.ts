// `npm run doctor [-- --fix]`: examines the notes folder (NOTES_DIR) without building it and lists
// its faults as `file:line: error|warning [code] message`. With --fix, text damaged by a wrong
// decoding is repaired in place: each file's diff is printed first, then the file is written.
import { loadSiteConfig } from '../src/config/site-config.ts';
import { buildReport } from '../src/diagnostics/report.ts';
import { examineNotes, repairMisDecoded } from '../src/doctor/doctor.ts';

const fix = process.argv.includes('--fix');
const config = loadSiteConfig();
const { diagnostics, misDecoded } = examineNotes(config);
const report = buildReport(diagnostics);
for (const line of report.lines) console.log(line);
if (fix && misDecoded.length > 0) {
  for (const file of misDecoded) process.stdout.write(file.patch);
  repairMisDecoded(misDecoded);
  console.log(`repaired ${misDecoded.length} file(s); run npm run doctor again to see what is left`);
} else if (misDecoded.length > 0) {
  console.log(`${misDecoded.length} file(s) hold mis-decoded text: npm run doctor -- --fix shows each repair and writes it`);
}
console.log(`doctor: ${config.notesDir}: ${report.counts}`);
process.exitCode = report.lines.length > 0 && !(fix && report.errors === 0 && report.lines.every((l) => l.includes('[mis-decoded]'))) ? 1 : 0;
