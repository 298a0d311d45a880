// Repairs UTF-8 text that was once decoded as Mac Roman ("•" → "‚Ä¢") or Windows-1252 ("•" → "â€¢")
// and saved again.
// The damage is reversible: encode the run in that code page and decode the bytes as UTF-8.
// No library detects this particular round trip, so it is done here with iconv-lite's table.
import iconv from 'iconv-lite';

export interface MojibakeRepair {
  text: string;
  /** One entry per repaired run: 1-based line, damaged text, restored text. */
  repairs: Array<{ line: number; damaged: string; restored: string }>;
}

/** The single-byte code pages UTF-8 text gets mis-read as: Mac Roman (old Macs) and Windows-1252. */
export type MisreadEncoding = 'macintosh' | 'windows1252';

/** Mac Roman 0xF0 is Apple's logo, U+F8FF; iconv-lite's table leaves it out. */
const APPLE_LOGO = '\uF8FF';

interface CodePage {
  /** Character → the byte it stands for. */
  toByte: Map<string, number>;
  /** A lead byte followed by continuation bytes: a whole damaged character (or several). */
  damagedRun: RegExp;
}

function charFor(encoding: MisreadEncoding, byte: number): string {
  const char = iconv.decode(Buffer.from([byte]), encoding);
  if (char.length === 1 && char !== '\uFFFD') return char;
  // Bytes the table leaves out: Apple's logo on a Mac; on Windows the five unassigned bytes,
  // which a mis-reading program keeps as the C1 control of the same number.
  return encoding === 'macintosh' && byte === 0xf0 ? APPLE_LOGO : String.fromCharCode(byte);
}

function escapeClass(chars: string): string {
  return chars.replace(/[\\\]\[^-]/g, '\\$&');
}

const codePages = new Map<MisreadEncoding, CodePage>();

function codePage(encoding: MisreadEncoding): CodePage {
  let page = codePages.get(encoding);
  if (page) return page;
  const toByte = new Map<string, number>();
  for (let byte = 0x80; byte <= 0xff; byte++) toByte.set(charFor(encoding, byte), byte);
  const range = (from: number, to: number): string => escapeClass(Array.from({ length: to - from + 1 }, (_, i) => charFor(encoding, from + i)).join(''));
  // UTF-8 lead bytes are 0xC2–0xF4, continuation bytes 0x80–0xBF.
  const damagedRun = new RegExp(`(?:[${range(0xc2, 0xf4)}][${range(0x80, 0xbf)}]{1,3})+`, 'gu');
  page = { toByte, damagedRun };
  codePages.set(encoding, page);
  return page;
}

/**
 * A 4-byte emoji whose 0xF0 lead byte (U+F8FF, invisible in most fonts) was lost on the way:
 * three continuation characters starting with 0x9F ("üåê" → "🌐"). Mac Roman only.
 */
const ORPHAN_EMOJI = new RegExp(`${escapeClass('ü')}[${escapeClass(iconv.decode(Buffer.from(Array.from({ length: 64 }, (_, i) => 0x80 + i)), 'macintosh'))}]{2}`, 'gu');

function decodeRun(run: string, encoding: MisreadEncoding, leadByte?: number): string | undefined {
  const { toByte } = codePage(encoding);
  const bytes = [...run].map((char) => toByte.get(char));
  if (bytes.some((byte) => byte === undefined)) return undefined;
  const all = Buffer.from(leadByte === undefined ? (bytes as number[]) : [leadByte, ...(bytes as number[])]);
  const decoded = new TextDecoder('utf-8', { fatal: false }).decode(all);
  return decoded.includes('\uFFFD') ? undefined : decoded;
}

function isEmoji(text: string): boolean {
  const code = text.codePointAt(0) ?? 0;
  return code >= 0x1f000 && code <= 0x1faff;
}

/** Repairs text once decoded as `encoding` (Mac Roman by default: what the build repairs). */
export function repairMojibake(text: string, encoding: MisreadEncoding = 'macintosh'): MojibakeRepair {
  const repairs: MojibakeRepair['repairs'] = [];
  const lineAt = (offset: number): number => text.slice(0, offset).split('\n').length;
  let repaired = text.replace(codePage(encoding).damagedRun, (run, offset: number) => {
    const restored = decodeRun(run, encoding);
    if (!restored) return run;
    repairs.push({ line: lineAt(offset), damaged: run, restored });
    return restored;
  });
  // Only a file that is already proven damaged gets its orphaned emoji restored: "üåê"
  // alone could be legitimate text, next to "‚Ä¢" it is not.
  if (repairs.length > 0 && encoding === 'macintosh') {
    const lineStarts = lineOffsets(repaired);
    repaired = repaired.replace(ORPHAN_EMOJI, (run, offset: number) => {
      const restored = decodeRun(run, encoding, 0xf0);
      if (!restored || !isEmoji(restored)) return run;
      repairs.push({ line: lineStarts.filter((start) => start <= offset).length, damaged: run, restored });
      return restored;
    });
    repairs.sort((a, b) => a.line - b.line);
  }
  return { text: repaired, repairs };
}

function lineOffsets(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
