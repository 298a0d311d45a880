// `npm run doctor`: the faults of a notes folder as written, found without building it — what the
// loader reports (front matter, _config.yml, encodings, empty notes, links outside, duplicate URLs),
// `_data`, text damaged by a wrong decoding (with an exact repair), and figures that show the same
// PlantUML source under different captions.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SiteConfig } from '../config/site-config.ts';
import { Diagnostics } from '../diagnostics/diagnostics.ts';
import { readDataFolder } from '../liquid/site-data.ts';
import { loadSiteModel } from '../loader/site-model.ts';
import { diagramSources, duplicateDiagrams } from './duplicate-diagrams.ts';
import { encodingName, findMisDecoded, textFiles, type MisDecodedFile } from './mis-decoded.ts';

export interface DoctorResult {
  diagnostics: Diagnostics;
  misDecoded: MisDecodedFile[];
}

export function examineNotes(config: SiteConfig, root = process.cwd()): DoctorResult {
  // The loader's own encoding message (Mac Roman, repaired in the output) is replaced by the
  // doctor's, which covers both code pages and every text file.
  const loaderFindings = new Diagnostics(root);
  const model = loadSiteModel(config, loaderFindings);
  const diagnostics = new Diagnostics(root);
  for (const item of loaderFindings.items) if (!(item.code === 'encoding' && item.severity === 'warning')) diagnostics.report(item);
  for (const problem of readDataFolder(config.notesDir).problems) diagnostics.report({ severity: problem.severity ?? 'warning', file: problem.file, line: problem.line, code: 'data', message: problem.message });

  const misDecoded: MisDecodedFile[] = [];
  for (const file of textFiles(config.notesDir)) {
    const found = findMisDecoded(file, config.notesDir);
    if (!found) continue;
    misDecoded.push(found);
    const examples = [...new Set(found.repairs.map((r) => `"${r.damaged}" → "${r.restored}"`))].slice(0, 3).join(', ');
    diagnostics.warn(file, found.repairs[0]!.line, 'mis-decoded', `${found.repairs.length} runs of UTF-8 read as ${encodingName(found.encoding)}, e.g. ${examples}; npm run doctor -- --fix repairs them`);
  }

  for (const { first, second } of duplicateDiagrams(model.pages.flatMap((page) => diagramSources(page)))) {
    const where = `${path.relative(config.notesDir, first.file)}:${first.line}`;
    diagnostics.warn(second.file, second.line, 'duplicate-diagram', `the same PlantUML source as the figure "${first.caption}" (${where}), but captioned "${second.caption}": one of them shows the wrong diagram`);
  }
  return { diagnostics, misDecoded };
}

/** Writes the repairs (each file exactly as its diff shows). */
export function repairMisDecoded(files: readonly MisDecodedFile[]): void {
  for (const file of files) writeFileSync(file.file, file.repaired);
}
