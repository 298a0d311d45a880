// The GitHub Pages workflow: valid for GitHub (schema check) and doing what the README promises.
import { readFileSync } from 'node:fs';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const source = readFileSync('.github/workflows/pages.yml', 'utf8');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
const workflow = parse(source) as {
  on: { push: { branches: string[] } };
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[]; needs?: string; environment?: { name: string } }>;
};
const build = workflow.jobs.build!.steps;
const deploy = workflow.jobs.deploy!;
const indexOf = (match: (s: Step) => boolean): number => build.findIndex(match);

describe('the Pages workflow', () => {
  it('passes the workflow schema', () => {
    expect(validateWorkflow(source).errors).toEqual([]);
  });

  it('runs on push to main with the permissions Pages deployment needs', () => {
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(workflow.permissions).toMatchObject({ pages: 'write', 'id-token': 'write', contents: 'read' });
  });

  it('installs, checks strictly, builds, then uploads with the official Pages actions', () => {
    const order = [
      indexOf((s) => s.run === 'npm ci'),
      indexOf((s) => s.run === 'npm run check'),
      indexOf((s) => s.run === 'npm run build'),
      indexOf((s) => s.uses?.startsWith('actions/upload-pages-artifact@') === true),
    ];
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(build[order[3]!]!.with).toEqual({ path: 'dist' });
    expect(deploy.needs).toBe('build');
    expect(deploy.environment?.name).toBe('github-pages');
    expect(deploy.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
  });

  it('sets up Java and Graphviz for PlantUML and keeps the diagram cache', () => {
    expect(indexOf((s) => s.uses?.startsWith('actions/setup-java@') === true)).toBeGreaterThanOrEqual(0);
    expect(indexOf((s) => /apt-get install .*graphviz/.test(s.run ?? ''))).toBeGreaterThanOrEqual(0);
    const cache = build[indexOf((s) => s.uses?.startsWith('actions/cache@') === true)];
    expect(cache?.with?.path).toBe('.cache');
    expect(indexOf((s) => s.uses?.startsWith('actions/cache@') === true)).toBeLessThan(indexOf((s) => s.run === 'npm run check'));
  });

  it('derives SITE_BASE and SITE_URL from the Pages settings unless repository variables set them', () => {
    expect(indexOf((s) => s.uses?.startsWith('actions/configure-pages@') === true)).toBeGreaterThanOrEqual(0);
    for (const step of build.filter((s) => s.run === 'npm run check' || s.run === 'npm run build')) {
      expect(step.env?.SITE_BASE).toBe("${{ vars.SITE_BASE || steps.pages.outputs.base_path || '/' }}");
      expect(step.env?.SITE_URL).toBe('${{ vars.SITE_URL || steps.pages.outputs.origin }}');
    }
  });
});
