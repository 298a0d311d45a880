// Remote includes of libraries that PlantUML already bundles (its "standard library") are
// rewritten to the bundled copy, so a diagram never reaches the network.
// e.g. https://raw.githubusercontent.com/plantuml-stdlib/C4-PlantUML/master/C4_Context.puml → <C4/C4_Context>

/** GitHub repositories mirrored in PlantUML's stdlib → their stdlib folder. */
const REPOSITORIES: Record<string, string> = {
  'plantuml-stdlib/c4-plantuml': 'C4',
  'ricardoniepel/c4-plantuml': 'C4',
  'plantuml-stdlib/azure-plantuml': 'azure',
  'plantuml-stdlib/archimate-plantuml': 'archimate',
  'plantuml-stdlib/eip-plantuml': 'eip',
  'awslabs/aws-icons-for-plantuml': 'awslib',
};

/** The URL shapes that name a file at a ref of a GitHub repository: [owner/repo, path inside it]. */
const URL_SHAPES: RegExp[] = [
  // raw.githubusercontent.com/<owner>/<repo>/<ref>/<path> (ref may be refs/heads/<branch>)
  /^https?:\/\/raw\.githubusercontent\.com\/([^/]+\/[^/]+)\/(?:refs\/(?:heads|tags)\/)?[^/]+\/(.+)$/i,
  // github.com/<owner>/<repo>/(raw|blob)/<ref>/<path>
  /^https?:\/\/github\.com\/([^/]+\/[^/]+)\/(?:raw|blob)\/(?:refs\/(?:heads|tags)\/)?[^/]+\/(.+?)(?:\?raw=true)?$/i,
  // cdn.jsdelivr.net/gh/<owner>/<repo>@<ref>/<path>
  /^https?:\/\/cdn\.jsdelivr\.net\/gh\/([^/@]+\/[^/@]+)(?:@[^/]+)?\/(.+)$/i,
];

/** `<lib/path>` for a URL of a bundled library, else undefined. */
export function stdlibFor(url: string): string | undefined {
  for (const shape of URL_SHAPES) {
    const match = shape.exec(url.trim());
    if (!match) continue;
    const folder = REPOSITORIES[match[1]!.toLowerCase()];
    if (!folder) return undefined;
    // The stdlib drops the repository's `dist/` folder and the `.puml` extension.
    const file = match[2]!.replace(/^dist\//, '').replace(/\.(?:puml|iuml|plantuml)$/i, '');
    return `<${folder}/${file}>`;
  }
  return undefined;
}
