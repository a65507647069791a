import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * The files other repositories copy or point at to gate on smslint: their shape, the
 * command they run, and that the README shows the workflow as it is.
 */
const root = join(__dirname, '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const packageJson = JSON.parse(read('package.json')) as { bin: Record<string, string>; engines: { node: string } };
const [binName] = Object.keys(packageJson.bin);

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  files: string;
  [key: string]: unknown;
}

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(read('.pre-commit-hooks.yaml')) as Hook[];

  it('declares hooks pre-commit can install: node, running the package bin', () => {
    expect(hooks.map((hook) => hook.id)).toEqual(['smslint', 'smslint-fix']);
    for (const hook of hooks) {
      expect(Object.keys(hook).sort()).toEqual(['description', 'entry', 'files', 'id', 'language', 'name']);
      expect(hook.language).toBe('node');
      expect(hook.entry.split(' ')[0]).toBe(binName);
    }
    expect(hooks[1].entry).toBe(`${binName} --fix`);
  });

  it('can be installed: npm pack prints only the tarball name, which pre-commit reads (.npmrc)', () => {
    const [command, prefix] = process.env.npm_execpath?.endsWith('.js') ? [process.execPath, [process.env.npm_execpath]] : ['npm', []];
    const config = spawnSync(command, [...prefix, 'config', 'get', 'foreground-scripts'], { cwd: root, encoding: 'utf8' });
    expect(config.stdout.trim()).toBe('false');
  });

  it('passes template files under a templates/ folder, and no other JSON or YAML', () => {
    for (const { files } of hooks) {
      const matches = (path: string) => new RegExp(files).test(path);
      expect(['templates/a.json', 'app/templates/fr/b.yaml', 'templates/c.jsonl', 'templates/d.yml'].filter((path) => !matches(path))).toEqual([]);
      expect(['package.json', '.github/workflows/ci.yml', 'docker-compose.yaml', 'templates.json', 'templates/notes.md'].filter(matches)).toEqual([]);
    }
  });
});

describe('docs/ci/smslint.yml, the GitHub Actions workflow', () => {
  const text = read('docs/ci/smslint.yml');
  const workflow = parse(text) as {
    on: Record<string, unknown>;
    jobs: Record<string, { permissions: Record<string, string>; steps: { uses?: string; run?: string; if?: string; with?: Record<string, unknown> }[] }>;
  };
  const [job] = Object.values(workflow.jobs);

  it('runs on pull requests with the rights to upload to code scanning', () => {
    expect(Object.keys(workflow.on)).toContain('pull_request');
    expect(job.permissions).toEqual({ contents: 'read', 'security-events': 'write' });
  });

  it('installs, runs the CLI to a SARIF file, and uploads that file even when the lint fails', () => {
    const uses = job.steps.flatMap((step) => (step.uses ? [step.uses.split('@')[0]] : []));
    expect(uses).toEqual(['actions/checkout', 'actions/setup-node', 'github/codeql-action/upload-sarif']);
    const nodeVersion = job.steps.find((step) => step.uses?.startsWith('actions/setup-node'))!.with!['node-version'] as number;
    expect(nodeVersion).toBeGreaterThanOrEqual(Number(/\d+/.exec(packageJson.engines.node)![0]));
    const lintStep = job.steps.find((step) => step.run?.includes(`npx ${binName} `))!;
    const sarifFile = /--format sarif --output-file (\S+)/.exec(lintStep.run!)![1];
    const upload = job.steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif'))!;
    expect(upload.with).toMatchObject({ sarif_file: sarifFile });
    expect(upload.if).toMatch(/^always\(\)/);
    expect(job.steps.indexOf(lintStep)).toBeGreaterThan(job.steps.findIndex((step) => step.run === 'npm ci'));
  });

  it('is the workflow the README shows', () => {
    expect(read('README.md')).toContain(text.slice(text.indexOf('name: smslint')));
  });
});
