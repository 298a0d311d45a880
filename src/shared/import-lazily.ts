// Imports a module loaded only when needed (the Markdown pipeline). The integration may itself
// run inside a Vite module runner — Astro loads an `astro.config.ts` through one and closes it
// once the config is read — where a later `import()` fails: then Node's own import() loads the
// module (Node strips the types of the project's `.ts` files). Test runners keep theirs open.
const nodeImport = new Function('url', 'return import(url)') as (url: string) => Promise<unknown>;

/** `load`: `() => import('./x.ts')`; `url`: the same module's file URL, `new URL('./x.ts', import.meta.url)`. */
export async function importLazily<T>(load: () => Promise<T>, url: URL): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (!/module runner has been closed/i.test(String((error as Error).message))) throw error;
    return nodeImport(url.href) as Promise<T>;
  }
}
