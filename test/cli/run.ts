import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { runCli } from '../../lib/cli/cli';

export const fixtures = resolve(__dirname, '../fixtures/cli');

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

export interface RunOptions {
  cwd?: string;
  stdin?: string;
  isTTY?: boolean;
  columns?: number;
  env?: NodeJS.ProcessEnv;
}

/** Runs the CLI in-process with captured streams; no colour unless asked, whatever the test's own environment. */
export async function smslint(args: string[], { cwd = fixtures, stdin = '', isTTY = false, columns, env = {} }: RunOptions = {}) {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runCli(args, { stdin: Readable.from([stdin]), stdout, stderr, cwd, isTTY, columns, env });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** A fresh directory with `files` (path → text or JSON value) written in it; removed by `cleanUp`. */
export function workspace(files: Record<string, unknown>): { dir: string; cleanUp: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'smslint-cli-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return { dir, cleanUp: () => rmSync(dir, { recursive: true, force: true }) };
}

/** One entry of the json format, as the tests read it. */
export interface JsonEntry {
  source: string;
  id: string | null;
  passed: boolean;
  findings: { ruleId: string; severity: string; start: number; end: number; suppressed?: true; fix?: { start: number; end: number; text: string } }[];
}
