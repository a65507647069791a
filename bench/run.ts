import { existsSync } from 'node:fs';
import { runEngineBench } from './engine';
import { runServiceBench } from './service';
import { reportMisses, shared } from './util';

/**
 * `npm run bench`: the engine first (one core, no I/O), then bundles, cold loads and HTTP
 * load. Exits 1 when a target is missed, so a slower change fails where it is run.
 */
async function main(): Promise<void> {
  if (existsSync(shared('data/sms-spam-collection.tsv'))) runEngineBench();
  else console.log('engine: skipped: ../shared/data/sms-spam-collection.tsv is absent (it sits beside the clone)');
  await runServiceBench();
  if (reportMisses() > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
