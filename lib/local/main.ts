import { resolve } from 'node:path';
import { loadServiceConfig } from '../service/config-file';
import { JsonConsoleLogger, isLogLevel, logLevels } from './console-logger';
import { startLocalService } from './server';

/** `npm start`: the service on http://127.0.0.1:$PORT (default 3000), data in `.data/`. */
async function main(): Promise<void> {
  // Everything the server writes (dynalite's LevelDB files included) is its user's alone.
  process.umask(0o077);
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${process.env.PORT}"`);
  const dataDir = resolve(process.env.SMSLINT_DATA_DIR ?? '.data');
  const level = process.env.LOG_LEVEL ?? 'info';
  if (!isLogLevel(level)) throw new Error(`LOG_LEVEL must be one of ${logLevels.join(', ')}, not "${level}"`);
  const logger = new JsonConsoleLogger('smslint-local', level);
  // The CLI's config for this folder, or SMSLINT_CONFIG: the local service judges as CI does.
  const { config, file } = loadServiceConfig(process.cwd(), process.env.SMSLINT_CONFIG || undefined);
  const service = await startLocalService({ port, dataDir, logger, config });
  console.log(`smslint is listening on ${service.url} (data in ${dataDir}, outbox in ${dataDir}/outbox.jsonl, config ${file ?? 'none: the defaults'})`);
  // Once the server and dynalite are closed nothing is left to run and Node exits by itself.
  const stop = () => {
    service.close().catch((error: unknown) => {
      console.error(`smslint: could not stop cleanly: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`smslint: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
