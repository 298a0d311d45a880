// The end of a build: the sorted findings, one per line as `file:line: error|warning [code] message`
// (plain lines, so editors and CI annotate them), then the counts. In strict mode (`npm run check`)
// any finding fails the build through the exit code: no exception, so no stack trace.
import type { AstroIntegrationLogger } from 'astro';
import type { Report } from '../diagnostics/report.ts';

export function printReport(report: Report, strict: boolean, summary: string, logger: AstroIntegrationLogger): void {
  if (report.lines.length > 0) process.stdout.write(`${report.lines.join('\n')}\n`);
  if (strict && report.lines.length > 0) {
    logger.error(summary);
    logger.error(`npm run check failed: ${report.counts}; fix them (npm run build publishes anyway)`);
    // Astro's launcher ends with `process.exit(0)` after a build; the exit code is set as the
    // process leaves, which that call honours.
    process.exitCode = 1;
    process.once('exit', () => {
      process.exitCode = 1;
    });
    return;
  }
  logger.info(summary);
}
