// `npm run clean`: removes the built site and every cache (rendered diagrams included).
import { rmSync } from 'node:fs';

for (const folder of ['dist', 'dist-e2e', '.cache', '.astro', 'node_modules/.astro', 'node_modules/.vite', 'test-results']) {
  rmSync(folder, { recursive: true, force: true });
  console.log(`removed ${folder}/`);
}
