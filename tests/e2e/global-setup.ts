// Builds the sample site once for all browser tests, into its own folder.
import { execFileSync } from 'node:child_process';

export default function globalSetup(): void {
  execFileSync('npx', ['astro', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, OUT_DIR: './dist-e2e', NOTES_DIR: 'content', SITE_BASE: '/' },
  });
}
