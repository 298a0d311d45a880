import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repairMojibake } from '../../../src/loader/mojibake.ts';

describe('UTF-8 read as Mac Roman', () => {
  it('restores bullets, dashes and arrows', () => {
    const { text, repairs } = repairMojibake('‚Ä¢ One IGW per VPC\nL3 ‚Äì Network\nVPC1 ‚Üî VPC2');
    expect(text).toBe('• One IGW per VPC\nL3 – Network\nVPC1 ↔ VPC2');
    expect(repairs.map((r) => r.line)).toEqual([1, 2, 3]);
  });

  it('restores emoji, with or without the Apple-logo lead byte', () => {
    expect(repairMojibake('\uF8FFüåê AWS ‚Ä¢').text).toBe('🌐 AWS •');
    expect(repairMojibake('üîê VPN ‚Äì x').text).toBe('🔐 VPN – x');
    expect(repairMojibake('‚ö†Ô∏è Note').text).toBe('⚠️ Note');
  });

  it('leaves clean text alone, including accented words', () => {
    const clean = 'Über café — naïve façade • 🌐 über';
    expect(repairMojibake(clean)).toEqual({ text: clean, repairs: [] });
  });

  it('repairs the whole seed note', () => {
    const seed = readFileSync(new URL('../../fixtures/seed-note/infrastructureAWSNetwork.received.md', import.meta.url), 'utf8');
    const { text } = repairMojibake(seed);
    expect(text).not.toMatch(/‚Ä|üå|‚Üí|\uF8FF/);
    expect(text).toContain('<td>• One IGW per VPC<br>• No filtering (not a firewall)</td>');
    expect(text).toContain('🌐 DNS Resolution – Query to Answer');
    expect(text.split('\n').length).toBe(seed.split('\n').length);
  });
});
