import { resolve } from 'node:path';
import { InputError } from '../engine';
import { findConfigFile } from '../cli/config-file';
import { SourceError, parseJson, readText } from '../cli/sources';
import { defaultServiceConfig, serviceConfigOf, type ServiceConfig } from './config';

/**
 * The config the stack (at synth) and the local mode (at start) give the service: `path`
 * when given, else the nearest `smslint.config.json` in `directory` or above it, as the
 * CLI finds it; the engine's defaults when there is none. A file that cannot be read or
 * does not fit the schema throws a `SourceError` naming the file and the field.
 */
export function loadServiceConfig(directory: string, path?: string): { config: ServiceConfig; file?: string } {
  const file = path === undefined ? findConfigFile(resolve(directory)) : resolve(path);
  if (file === undefined) return { config: defaultServiceConfig };
  try {
    return { config: serviceConfigOf(parseJson(readText(file), file)), file };
  } catch (error) {
    if (error instanceof InputError) throw new SourceError(`${file}: ${error.message}`);
    throw error;
  }
}
