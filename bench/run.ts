import { runEngineBench } from './engine';

async function main(): Promise<void> {
  runEngineBench();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
