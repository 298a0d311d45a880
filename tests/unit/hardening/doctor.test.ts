// npm run doctor: source faults without a build, text damaged by a wrong decoding repaired exactly
// (diff first), and one PlantUML source under two captions.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeNotesFolder } from '../../helpers/notes-folder.ts';

const NODE = path.resolve('node_modules/.bin/node');
const original = 'It’s “quoted” — café • 🌐 ✓';
const asWindows = new TextDecoder('windows-1252').decode(Buffer.from(original));
const asMac = '‚Ä¢ One IGW per VPC ‚Äì üåê';

const figure = (caption: string, source: string): string =>
  `<div class="image-wrapper">\n  <div class="diagram-caption">${caption}</div>\n  <script type="text/plain">\n${source}\n  </script>\n</div>\n`;
const vpn = '@startuml\nAlice -> Bob : tunnel\n@enduml';

function doctor(notes: string, ...args: string[]) {
  const result = spawnSync(NODE, ['scripts/doctor.ts', ...args], { encoding: 'utf8', env: { ...process.env, NOTES_DIR: notes } });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('npm run doctor', () => {
  const files = {
    'win.md': `---\r\ntitle: Win\r\n---\r\n\r\nFine.\r\n${asWindows}\r\nEnd.\r\n`,
    'mac.md': `---\ntitle: Mac\n---\n\nFine.\n\n${asMac}\n`,
    'figures.md': `---\ntitle: Figures\n---\n\n${figure('🔐 Site-to-Site VPN', vpn)}\nText.\n\n${figure('🌐 DNS resolution', vpn)}`,
    'same-caption.md': `---\ntitle: Same\n---\n\n${figure('🔐 Site-to-Site VPN', vpn)}`,
    'broken.md': '---\ntitle: [unclosed\n---\n\nBody\n',
    'empty.md': '',
    'clean.md': '---\ntitle: Clean\n---\n\nÜber café — naïve • 🌐\n',
  };

  it('lists every fault with file and line, and exits 1', () => {
    const notes = writeNotesFolder(files, 'doctor-');
    const { status, output } = doctor(notes);
    expect(status).toBe(1);
    expect(output).toMatch(/win\.md:6: warning \[mis-decoded\] \d+ runs of UTF-8 read as Windows-1252, e\.g\. "â€™" → "’"/);
    expect(output).toMatch(/mac\.md:7: warning \[mis-decoded\] 3 runs of UTF-8 read as Mac Roman/);
    expect(output).toMatch(/figures\.md:18: warning \[duplicate-diagram\] the same PlantUML source as the figure "🔐 Site-to-Site VPN" \(figures\.md:7\), but captioned "🌐 DNS resolution"/);
    expect(output).not.toMatch(/same-caption\.md.*duplicate-diagram/);
    expect(output).toMatch(/broken\.md:2: warning \[front-matter\]/);
    expect(output).toMatch(/empty\.md:1: warning \[empty-note\]/);
    expect(output).not.toMatch(/clean\.md/);
  });

  it('--fix shows each diff, then repairs the files exactly', () => {
    const notes = writeNotesFolder(files, 'doctor-fix-');
    const { output } = doctor(notes, '--fix');
    expect(output).toContain(`-${asWindows}\r`);
    expect(output).toContain(`+${original}\r`);
    expect(output.indexOf('+++ win.md')).toBeLessThan(output.indexOf('repaired 2 file(s)'));
    expect(readFileSync(path.join(notes, 'win.md'), 'utf8')).toBe(files['win.md'].replace(asWindows, original));
    expect(readFileSync(path.join(notes, 'mac.md'), 'utf8')).toBe(files['mac.md'].replace(asMac, '• One IGW per VPC – 🌐'));
    expect(readFileSync(path.join(notes, 'clean.md'), 'utf8')).toBe(files['clean.md']);
    expect(doctor(notes).output).not.toMatch(/mis-decoded/);
  });

  it('repairs a file in place byte for byte, nothing else touched', () => {
    const notes = writeNotesFolder({ 'a.md': '---\ntitle: A\n---\n\nx\n' }, 'doctor-bytes-');
    const bytes = Buffer.concat([Buffer.from('\uFEFF---\ntitle: B\n---\n'), Buffer.from(`${asWindows}\n`), Buffer.from([0x20, 0x0a])]);
    writeFileSync(path.join(notes, 'b.md'), bytes);
    doctor(notes, '--fix');
    expect(readFileSync(path.join(notes, 'b.md'))).toEqual(Buffer.concat([Buffer.from('\uFEFF---\ntitle: B\n---\n'), Buffer.from(`${original}\n`), Buffer.from([0x20, 0x0a])]));
  });
});
