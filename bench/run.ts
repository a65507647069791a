import { existsSync } from 'node:fs';
import { runCliBench } from './cli';
import { runEngineBench } from './engine';
import { runFloorBench } from './floor';
import { runServiceBench } from './service';
import { reportMisses, shared } from './util';

/**
 * `npm run bench`: the engine first (one core, no I/O), then bundles, cold loads and HTTP
 * load. Exits 1 when a target is missed, so a slower change fails where it is run.
 */
async function main(): Promise<void> {
  if (existsSync(shared('data/sms-spam-collection.tsv'))) {
    runEngineBench();
    runFloorBench();
    runCliBench();
  } else console.log('engine and cli: skipped: ../shared/data/sms-spam-collection.tsv is absent (it sits beside the clone)');
  await runServiceBench();
  if (reportMisses() > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
