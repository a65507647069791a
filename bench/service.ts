import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { besideBundleCommands, lambdaBundling, lambdaEntries, localeFilesBesideBundle, runtimeCompilersFile, type LambdaName } from '../lib/service/bundling';
import { median, target } from './util';

/** autocannon ships no types: the part of its API used here. */
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}
type Autocannon = (options: {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
  duration: number;
  connections: number;
}) => Promise<AutocannonResult>;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped CommonJS package
const autocannon: Autocannon = require('autocannon');

const projectRoot = resolve(__dirname, '..');
/** Inside the project (ignored by git), where its modules resolve. */
const bundleDir = join(projectRoot, 'node_modules', '.cache', 'smslint-bench');
const LOAD_RUNS = 9;
const LAMBDA_ENV = { POWERTOOLS_SERVICE_NAME: 'smslint', POWERTOOLS_LOG_LEVEL: 'WARN', TABLE_NAME: 'bench', IDEMPOTENCY_KEY_ARN: 'arn:aws:kms:eu-west-1:000000000000:key/bench', AWS_REGION: 'eu-west-1' };
const LINT_BODY = JSON.stringify({
  template: {
    locale: 'en',
    category: 'transactional',
    sender: 'Acme',
    body: 'Acme: your card ending 1234 was declined. To keep your subscription, update it at https://acme.example/billing before 30 June.',
  },
});

const TARGETS = { bundleKiB: 650, loadMs: 60, requestsPerSecond: 1500 };

/**
 * What a fresh process does with each bundle: the lint function answers one POST /v1/lint
 * (its first lint reads the models and builds the lexicon); the others only load, as their
 * first request needs DynamoDB.
 */
const LINT_EVENT = { httpMethod: 'POST', path: '/v1/lint', headers: { 'content-type': 'application/json' }, body: LINT_BODY, requestContext: {} };
const coldRun: Record<LambdaName, (file: string) => string> = {
  lint: (file) => `require(${JSON.stringify(file)}).handler(${JSON.stringify(LINT_EVENT)}).then((r) => { if (r.statusCode !== 200) throw new Error(r.body); })`,
  templates: (file) => `require(${JSON.stringify(file)})`,
  dispatch: (file) => `require(${JSON.stringify(file)})`,
};
const coldRunName: Record<LambdaName, string> = { lint: 'load + first lint', templates: 'load', dispatch: 'load' };

/** Bundle size and load time of each Lambda, and POST /v1/lint throughput of the local server. */
export async function runServiceBench(): Promise<void> {
  mkdirSync(bundleDir, { recursive: true });
  const bare = median(Array.from({ length: LOAD_RUNS }, () => timeNode(['-e', '0'])));
  console.log(`service: bare node -e 0 ${bare.toFixed(0)} ms (each timing below has the bare run beside it subtracted)`);
  for (const name of Object.keys(lambdaEntries) as LambdaName[]) {
    const { file, runtimeCompilers, localeFiles } = await bundle(name);
    const localeKiB = localeFiles.reduce((sum, localeFile) => sum + statSync(localeFile).size, 0) / 1024;
    const kib = statSync(file).size / 1024;
    // Alternated with bare runs, so the machine's load falls on both.
    const overBare = median(Array.from({ length: LOAD_RUNS }, () => timeNode(['-e', coldRun[name](file)]) - timeNode(['-e', '0'])));
    console.log(
      `service: lambda ${name.padEnd(9)} bundle ${kib.toFixed(1)} KiB ${target(`${name} bundle`, kib, 'at most', TARGETS.bundleKiB, ' KiB')} ` +
        `(+ runtime compilers ${(statSync(runtimeCompilers).size / 1024).toFixed(1)} KiB and locale models ${localeKiB.toFixed(1)} KiB, read on first need), ` +
        `${coldRunName[name]} ${overBare.toFixed(0)} ms over bare node ${target(`${name} ${coldRunName[name]}`, overBare, 'at most', TARGETS.loadMs, ' ms')}`,
    );
  }
  const result = await lintThroughput();
  target('POST /v1/lint answers other than 2xx', result.non2xx + result.errors, 'at most', 0);
  console.log(
    `service: POST /v1/lint ${result.requests.average.toFixed(0)} req/s ${target('POST /v1/lint', result.requests.average, 'at least', TARGETS.requestsPerSecond, ' req/s')}, ` +
      `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.requests.total} requests, ${result.non2xx} non-2xx, ${result.errors} errors`,
  );
}

/** The function's files as its asset holds them: the handler's bundle and, beside it, the runtime compilers' and the locale files. */
async function bundle(name: LambdaName): Promise<{ file: string; runtimeCompilers: string; localeFiles: string[] }> {
  const outdir = join(bundleDir, name);
  const file = join(outdir, 'index.js');
  await build({ ...lambdaBundling, external: [...lambdaBundling.external], mainFields: [...lambdaBundling.mainFields], entryPoints: [lambdaEntries[name]], bundle: true, outfile: file, logLevel: 'error' });
  for (const [program, ...args] of besideBundleCommands(outdir)) execFileSync(program, args);
  return { file, runtimeCompilers: join(outdir, runtimeCompilersFile), localeFiles: localeFilesBesideBundle().map((localeFile) => join(outdir, localeFile)) };
}

/** Wall time of one fresh Node process, in ms. */
function timeNode(args: string[]): number {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { env: { ...process.env, ...LAMBDA_ENV, NODE_NO_WARNINGS: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${run.stderr.toString()}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * The local server runs in its own process (as `npm start` does), so autocannon's client
 * and the server do not share one event loop.
 */
async function lintThroughput(): Promise<AutocannonResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'smslint-bench-'));
  const server = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'lib', 'local', 'main.ts')], {
    cwd: projectRoot,
    env: { ...process.env, PORT: '0', SMSLINT_DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_NO_WARNINGS: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise<string>((resolveUrl, reject) => {
      let output = '';
      server.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(output);
        if (match) resolveUrl(match[1]);
      });
      server.once('exit', (code) => reject(new Error(`the local server exited with ${code} before listening`)));
    });
    return await autocannon({
      url: `${url}/v1/lint`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: LINT_BODY,
      duration: 5,
      connections: 10,
    });
  } finally {
    const exited = new Promise((resolveExit) => server.once('exit', resolveExit));
    server.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}
