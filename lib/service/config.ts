import { InputError, resolveConfig, type Config, type ResolvedConfig } from '../engine';
import type { Route } from './http';
import { canonicalJson, jsonResponse } from './json';
import { sha256 } from './verdict';

/**
 * The one `smslint.config.json` the service lints with, as the CLI reads it: `config` as
 * written (shown by `GET /v1/config`), `resolved` for the engine, and `hash` (sha256 of
 * the canonical JSON of `config`), recorded on every verdict so that a verdict says which
 * configuration made it.
 */
export interface ServiceConfig {
  readonly config: Config;
  readonly resolved: ResolvedConfig;
  readonly hash: string;
}

/**
 * Validates a parsed config for the service; throws the engine's `InputError` naming each
 * bad field. `model` (a folder of tone models beside the config file) is refused: the
 * functions carry no files but their bundle, so they could only lint with the shipped
 * models and would disagree with the CLI.
 */
export function serviceConfigOf(config: unknown = {}): ServiceConfig {
  const resolved = resolveConfig(config);
  if (resolved.model !== undefined) {
    throw new InputError('config', [{ path: '/model', message: 'is not supported by the service: it lints with the shipped tone models only' }]);
  }
  return { config: config as Config, resolved, hash: sha256(canonicalJson(config)) };
}

/** The engine's defaults: what a service given no config file lints with, as the CLI does. */
export const defaultServiceConfig: ServiceConfig = serviceConfigOf({});

/** `GET /v1/config`: the active configuration and its hash, to compare with a verdict's `configHash`. */
export function configRoutes({ config, hash }: ServiceConfig): Route[] {
  return [{ method: 'GET', pattern: '/v1/config', handle: async () => jsonResponse(200, { config, hash }) }];
}
