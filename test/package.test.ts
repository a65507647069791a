import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * What `npm ci` leaves for users: `prepare` builds the package, `import("smslint")`
 * resolves to the built engine through `exports`, and the `smslint` bin runs.
 */
const root = join(__dirname, '..');

function node(args: string[], input?: string) {
  return spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', input });
}

test('import("smslint") resolves to the built engine', () => {
  const script = `import('smslint').then((m) => {
    const r = m.lint({ locale: 'en', category: 'transactional', body: 'Call 3970.' });
    console.log(JSON.stringify({ file: require.resolve('smslint'), ruleIds: r.findings.map((f) => f.ruleId) }));
  })`;
  const child = node(['-e', script]);
  expect(child.stderr).toBe('');
  const { file, ruleIds } = JSON.parse(child.stdout);
  expect(file).toBe(join(root, 'dist/lib/engine/index.js'));
  expect(ruleIds).toEqual(expect.arrayContaining(['directive-tone', 'missing-rationale']));
});

test('the built smslint bin lints a body from stdin and exits 1 on errors', () => {
  const child = node([join(root, 'dist/bin/smslint.js'), '--format', 'json', '-'], 'Call 3970.\n');
  expect(child.status).toBe(1);
  const [result] = JSON.parse(child.stdout);
  expect(result).toMatchObject({ source: '<stdin>', passed: false });
});

test('the built bin copied out of the package still knows its version', () => {
  // It once looked for package.json in every folder above it, for ever when there was none.
  // Its packages stay in node_modules (the bin bundles only smslint's code): linked beside it.
  const alone = mkdtempSync(join(tmpdir(), 'smslint-bin-'));
  try {
    copyFileSync(join(root, 'dist/bin/smslint.js'), join(alone, 'smslint.js'));
    symlinkSync(join(root, 'node_modules'), join(alone, 'node_modules'));
    const child = spawnSync(process.execPath, [join(alone, 'smslint.js'), '--version'], { cwd: alone, encoding: 'utf8', timeout: 30_000 });
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect({ status: child.status, stdout: child.stdout }).toEqual({ status: 0, stdout: `${version}\n` });
  } finally {
    rmSync(alone, { recursive: true, force: true });
  }
});
