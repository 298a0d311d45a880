// Publishes every non-page file of the notes folder at its relative path, unchanged.
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Asset } from '../loader/site-model.ts';
import { mapLimit } from '../shared/map-limit.ts';

export async function copyAssets(assets: readonly Asset[], outDir: string): Promise<void> {
  const folders = new Set(assets.map((a) => path.dirname(path.join(outDir, a.relPath))));
  await Promise.all([...folders].map((folder) => mkdir(folder, { recursive: true })));
  await mapLimit(assets, 16, (asset) => copyFile(asset.absPath, path.join(outDir, asset.relPath)));
}
