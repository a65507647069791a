import { runEngineBench } from './engine';
import { runServiceBench } from './service';

/** `npm run bench`: the engine first (one core, no I/O), then bundles, cold loads and HTTP load. */
async function main(): Promise<void> {
  runEngineBench();
  await runServiceBench();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
