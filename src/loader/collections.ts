// Jekyll's collections as `_config.yml` declares them (`collections:` as a list or a map), plus
// `posts`, which every site has, with the site's permalink style (Jekyll's configuration.rb).
import { addPermalinkSuffix, permalinkStyle, styleToTemplate } from './jekyll-url.ts';

export interface CollectionConfig {
  label: string;
  /** Documents are written as pages (`output: true`; always for posts). */
  output: boolean;
  /** The URL template of its documents. */
  permalink: string;
  /** `sort_by:` front matter key, if any. */
  sortBy?: string;
  /** `order:` list of file names, if any. */
  order?: string[];
  /** Folder of its documents, relative to the notes folder, e.g. `_notes` or `my_cols/_notes`. */
  directory: string;
}

export interface CollectionsSetup {
  /** The site's permalink style or template (`permalink:`), e.g. `date`, `pretty`, `/:title/`. */
  style: string;
  collections: CollectionConfig[];
  /** `collections_dir:`; '' for the notes folder itself. */
  collectionsDir: string;
}

export function readCollections(raw: Record<string, unknown>): CollectionsSetup {
  const style = permalinkStyle(raw.permalink);
  const collectionsDir = typeof raw.collections_dir === 'string' ? raw.collections_dir.replace(/^\/+|\/+$/g, '') : '';
  const declared: Record<string, Record<string, unknown>> = {};
  if (Array.isArray(raw.collections)) {
    for (const name of raw.collections) if (typeof name === 'string') declared[name] = {};
  } else if (raw.collections && typeof raw.collections === 'object') {
    for (const [name, meta] of Object.entries(raw.collections as Record<string, unknown>)) declared[name] = meta && typeof meta === 'object' ? (meta as Record<string, unknown>) : {};
  }
  const posts = declared.posts ?? {};
  delete declared.posts;
  const folder = (label: string): string => (collectionsDir ? `${collectionsDir}/_${label}` : `_${label}`);
  const collections: CollectionConfig[] = [
    {
      label: 'posts',
      output: true,
      permalink: typeof posts.permalink === 'string' ? posts.permalink : styleToTemplate(style),
      directory: folder('posts'),
      ...sortOptions(posts),
    },
  ];
  for (const [label, meta] of Object.entries(declared)) {
    collections.push({
      label,
      output: meta.output === true,
      permalink: typeof meta.permalink === 'string' ? meta.permalink : addPermalinkSuffix('/:collection/:path', style),
      directory: folder(label),
      ...sortOptions(meta),
    });
  }
  return { style, collections, collectionsDir };
}

function sortOptions(meta: Record<string, unknown>): Pick<CollectionConfig, 'sortBy' | 'order'> {
  if (Array.isArray(meta.order)) return { order: meta.order.filter((x): x is string => typeof x === 'string') };
  return typeof meta.sort_by === 'string' ? { sortBy: meta.sort_by } : {};
}
