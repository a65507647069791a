import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hamTemplates } from './engine';
import { median, target } from './util';

const bin = resolve(__dirname, '../dist/bin/smslint.js');
const RUNS = 15;
const TEMPLATES = 100_000;
const TARGETS = { ratioToBareNode: 2, peakMiB: 150 };

function timeNode(args: string[], cwd: string): number {
  const started = process.hrtime.bigint();
  spawnSync(process.execPath, args, { cwd, stdio: 'ignore' });
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * The built bin (`npm run build`) on one `.json` file against a bare `node -e 0`, runs
 * alternated so that the machine's load falls on both; then its peak resident memory over
 * 100,000 templates in one JSON Lines file, written as JSON to /dev/null.
 */
export function runCliBench(): void {
  const work = mkdtempSync(join(tmpdir(), 'smslint-bench-'));
  try {
    const templates = hamTemplates();
    writeFileSync(join(work, 'one.json'), JSON.stringify({ ...templates[0], id: 'one' }));
    const bare: number[] = [];
    const cli: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      bare.push(timeNode(['-e', '0'], work));
      cli.push(timeNode([bin, 'one.json'], work));
    }
    const ratio = median(cli.map((time, run) => time / bare[run]));
    console.log(
      `cli: one .json file ${median(cli).toFixed(0)} ms, bare node -e 0 ${median(bare).toFixed(0)} ms: ${ratio.toFixed(2)}x ` +
        `${target('cli vs bare node', ratio, 'at most', TARGETS.ratioToBareNode, 'x')}`,
    );

    const lines = Array.from({ length: TEMPLATES }, (_, index) => JSON.stringify({ ...templates[index % templates.length], id: `t${index}` }));
    writeFileSync(join(work, 'many.jsonl'), `${lines.join('\n')}\n`);
    // The child reports its own peak: Node's resource usage, read as it exits.
    const report = "process.on('exit', () => process.stderr.write('maxRSS ' + process.resourceUsage().maxRSS + '\\n'))";
    const run = spawnSync(process.execPath, ['-e', `${report}; process.argv.splice(1, 0, ${JSON.stringify(bin)}); require(${JSON.stringify(bin)})`, '--', '--format', 'json', '--output-file', '/dev/null', 'many.jsonl'], {
      cwd: work,
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    const kib = Number(/maxRSS (\d+)/.exec(run.stderr)?.[1]);
    const mib = kib / 1024;
    console.log(`cli: ${TEMPLATES.toLocaleString('en')} templates (json) peak RSS ${mib.toFixed(0)} MiB ${target('cli memory', mib, 'at most', TARGETS.peakMiB, ' MiB')}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
