import { serviceConfigOf, type ServiceConfig } from './config';

/**
 * The config's canonical JSON text, put in the bundle by esbuild (`define`) when the stack
 * synthesises: a function reads no file but its bundle. A bundle made outside the stack
 * (`npm run bench`, a test requiring the entry) has none and lints with the engine's
 * defaults, as the CLI does where no config file is found.
 */
declare const SMSLINT_BUNDLED_CONFIG: string | undefined;

/** The esbuild `define` that ships `config` to a function. */
export function bundledConfigDefine(config: ServiceConfig): Record<string, string> {
  return { SMSLINT_BUNDLED_CONFIG: JSON.stringify(JSON.stringify(config.config)) };
}

/** The config the stack shipped; validated again at load, so a bundle cannot run with a config the engine refuses. */
export function bundledConfig(): ServiceConfig {
  return serviceConfigOf(typeof SMSLINT_BUNDLED_CONFIG === 'undefined' ? {} : JSON.parse(SMSLINT_BUNDLED_CONFIG));
}
