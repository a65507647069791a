import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InputError, resolveConfig, type ResolvedConfig } from '../engine';
import { SourceError, parseJson, readText } from './sources';

export const CONFIG_FILE_NAME = 'smslint.config.json';

/** The nearest `smslint.config.json` in `directory` or above it, as ESLint finds its config. */
export function findConfigFile(directory: string): string | undefined {
  for (let current = directory; ; current = dirname(current)) {
    const candidate = join(current, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    if (dirname(current) === current) return undefined;
  }
}

/** Reads and validates a config file; a bad one throws a `SourceError` naming the file and the field. */
export function loadConfigFile(path: string, name: string = path): ResolvedConfig {
  const config = parseJson(readText(path, name), name);
  try {
    return resolveConfig(config);
  } catch (error) {
    if (error instanceof InputError) throw new SourceError(`${name}: ${error.message}`);
    throw error;
  }
}
