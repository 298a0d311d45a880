// Repairs UTF-8 text that was once decoded as Mac Roman and saved again ("•" → "‚Ä¢").
// The damage is reversible: encode the run as Mac Roman and decode the bytes as UTF-8.
// No library detects this particular round trip, so it is done here with iconv-lite's table.
import iconv from 'iconv-lite';

export interface MojibakeRepair {
  text: string;
  /** One entry per repaired run: 1-based line, damaged text, restored text. */
  repairs: Array<{ line: number; damaged: string; restored: string }>;
}

/** Mac Roman 0xF0 is Apple's logo, U+F8FF; iconv-lite's table leaves it out. */
const APPLE_LOGO = '\uF8FF';
// Mac Roman characters that stand for UTF-8 lead bytes (0xC2–0xF4) and continuation bytes (0x80–0xBF).
const LEAD = macRomanChars(0xc2, 0xf4) + APPLE_LOGO;
const CONTINUATION = macRomanChars(0x80, 0xbf);
/** A lead byte followed by continuation bytes: a whole damaged character (or several). */
const DAMAGED_RUN = new RegExp(`(?:[${LEAD}][${CONTINUATION}]{1,3})+`, 'gu');
/**
 * A 4-byte emoji whose 0xF0 lead byte (U+F8FF, invisible in most fonts) was lost on the way:
 * three continuation characters starting with 0x9F ("üåê" → "🌐").
 */
const ORPHAN_EMOJI = new RegExp(`${escapeClass('ü')}[${CONTINUATION}]{2}`, 'gu');

function macRomanChars(from: number, to: number): string {
  const bytes = Buffer.from(Array.from({ length: to - from + 1 }, (_, i) => from + i));
  return escapeClass(iconv.decode(bytes, 'macintosh'));
}

function escapeClass(chars: string): string {
  return chars.replace(/[\\\]\[^-]/g, '\\$&');
}

function decodeRun(run: string, leadByte?: number): string | undefined {
  const encoded = Buffer.concat(
    [...run].map((char) => (char === APPLE_LOGO ? Buffer.from([0xf0]) : iconv.encode(char, 'macintosh'))),
  );
  const bytes = leadByte === undefined ? encoded : Buffer.concat([Buffer.from([leadByte]), encoded]);
  const decoded = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return decoded.includes('\uFFFD') ? undefined : decoded;
}

function isEmoji(text: string): boolean {
  const code = text.codePointAt(0) ?? 0;
  return code >= 0x1f000 && code <= 0x1faff;
}

export function repairMojibake(text: string): MojibakeRepair {
  const repairs: MojibakeRepair['repairs'] = [];
  const lineAt = (offset: number): number => text.slice(0, offset).split('\n').length;
  let repaired = text.replace(DAMAGED_RUN, (run, offset: number) => {
    const restored = decodeRun(run);
    if (!restored) return run;
    repairs.push({ line: lineAt(offset), damaged: run, restored });
    return restored;
  });
  // Only a file that is already proven damaged gets its orphaned emoji restored: "üåê"
  // alone could be legitimate text, next to "‚Ä¢" it is not.
  if (repairs.length > 0) {
    const lineStarts = lineOffsets(repaired);
    repaired = repaired.replace(ORPHAN_EMOJI, (run, offset: number) => {
      const restored = decodeRun(run, 0xf0);
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
