import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { rules } from '../../lib/engine';
import { fixtures, workspace } from './run';

const root = resolve(__dirname, '../..');

/** The real entry in a child process, through tsx as `npx tsx bin/smslint.ts` would run it. */
function runBin(args: string[], cwd: string, input = '') {
  const { FORCE_COLOR: _forceColor, ...env } = process.env;
  const child = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'bin/smslint.ts'), ...args], {
    cwd,
    input,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...env, NO_COLOR: '1' },
  });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe('bin/smslint', () => {
  const allOff = Object.fromEntries(Object.keys(rules).map((id) => [id, 'off']));
  const { dir, cleanUp } = workspace({ 'smslint.config.json': { rules: allOff } });
  afterAll(cleanUp);

  it('reads standard input, writes the report and sets the exit code', () => {
    expect(runBin(['--format', 'json', '-'], dir, 'Your parcel arrives tomorrow.\n')).toEqual({
      code: 0,
      stdout: `${JSON.stringify([{ source: '<stdin>', id: null, passed: true, findings: [], encoding: 'GSM-7', segments: 1, parts: [{ start: 0, end: 29, units: 29 }] }], null, 2)}\n`,
      stderr: '',
    });
  });

  it('exits 2 with the message on standard error for bad input', () => {
    const { code, stdout, stderr } = runBin(['--config', join(dir, 'smslint.config.json'), 'broken.jsonl'], fixtures);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(/^smslint: broken\.jsonl:3:\d+: invalid JSON: /);
  });
});
