import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * What another repository gets: `npm pack` (of what `npm run build` made; `npm test`
 * builds first) installed into an empty project, and its `npx smslint` linting a file
 * there. Offline, from the local npm cache that `npm ci` filled: the project's lockfile is
 * made from this repository's, so npm needs no registry metadata, only the cached tarballs.
 */
const root = join(__dirname, '..');
const ownPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  license: string;
  dependencies: Record<string, string>;
  bin: Record<string, string>;
  engines: Record<string, string>;
};
const ownLock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };

/** npm as `npm test` runs it (its own CLI script), else the one on the PATH. */
function npm(args: string[], cwd: string) {
  const [command, prefix] = process.env.npm_execpath?.endsWith('.js') ? [process.execPath, [process.env.npm_execpath]] : ['npm', []];
  const run = spawnSync(command, [...prefix, ...args], { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

let work: string;
let packed: { filename: string; files: { path: string }[] };

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'smslint-pack-'));
  const pack = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], root);
  if (pack.code !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
  [packed] = JSON.parse(pack.stdout) as (typeof packed)[];
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

test('the package holds the engine and the CLI bundled in one file, and nothing of the service, tests or sources', () => {
  const paths = packed.files.map((file) => file.path);
  expect(paths).toEqual(expect.arrayContaining(['package.json', 'README.md', 'dist/bin/smslint.js', 'dist/lib/engine/index.js']));
  expect(paths.filter((path) => !/^(dist\/(bin\/smslint\.js$|lib\/engine\/)|package\.json$|README\.md$)/.test(path))).toEqual([]);
  expect(paths.filter((path) => path.endsWith('.ts') && !path.endsWith('.d.ts'))).toEqual([]);
});

test('installs into an empty project, offline, and its npx smslint lints a file there', () => {
  const project = join(work, 'project');
  mkdirSync(join(project, 'templates'), { recursive: true });
  const tarball = `file:../${packed.filename}`;
  const runtime = Object.entries(ownLock.packages).filter(([path, entry]) => path !== '' && !entry.dev);
  const integrity = `sha512-${createHash('sha512').update(readFileSync(join(work, packed.filename))).digest('base64')}`;
  const { name, version, license, dependencies, bin, engines } = ownPackage;
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, dependencies: { [name]: tarball } }));
  writeFileSync(
    join(project, 'package-lock.json'),
    JSON.stringify({
      name: 'consumer',
      version: '1.0.0',
      lockfileVersion: 3,
      requires: true,
      packages: {
        '': { name: 'consumer', version: '1.0.0', dependencies: { [name]: tarball } },
        [`node_modules/${name}`]: { version, resolved: tarball, integrity, license, dependencies, bin, engines },
        ...Object.fromEntries(runtime),
      },
    }),
  );
  writeFileSync(join(project, 'templates/ok.json'), JSON.stringify({ id: 'ok', locale: 'en', category: 'transactional', sender: 'Acme', body: 'Acme: your parcel arrives tomorrow. No action is needed.' }));
  writeFileSync(join(project, 'templates/bad.yaml'), 'id: bad\nlocale: en\ncategory: transactional\nbody: Call 3970 NOW!!\n');

  const install = npm(['ci', '--offline', '--no-audit', '--no-fund'], project);
  if (install.code !== 0) throw new Error(`npm ci --offline failed (a dependency missing from the npm cache?):\n${install.stderr}`);

  expect(npm(['exec', '--offline', '--', 'smslint', '--version'], project)).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  const run = npm(['exec', '--offline', '--', 'smslint', '--format', 'json', 'templates'], project);
  expect(run.code).toBe(1);
  const entries = JSON.parse(run.stdout) as { source: string; passed: boolean; findings: { ruleId: string }[] }[];
  expect(entries.map(({ source, passed }) => [source, passed])).toEqual([
    ['templates/bad.yaml', false],
    ['templates/ok.json', true],
  ]);
  expect(entries[0].findings.map((finding) => finding.ruleId)).toContain('directive-tone');
});
