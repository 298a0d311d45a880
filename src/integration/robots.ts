// robots.txt: everything may be crawled; points crawlers at the sitemap when there is one.
// Crawlers read it only at the root of a host, so on a project site (/repo/) it matters only
// when the same file is also served at the root (a user site or custom domain).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

export function robotsTxt(sitemapUrl: string | undefined): string {
  return ['User-agent: *', 'Allow: /', ...(sitemapUrl ? ['', `Sitemap: ${sitemapUrl}`] : []), ''].join('\n');
}

export async function writeRobots(outDir: string, sitemapUrl: string | undefined): Promise<void> {
  await writeFile(path.join(outDir, 'robots.txt'), robotsTxt(sitemapUrl));
}
