import { createLinter, type Linter } from './linter';
import type { Config, LintResult, ResolvedConfig, Template } from './types';

let defaultLinter: Linter | undefined;
/** One linter per config object: the CLI and the service lint many templates with one. */
const linters = new WeakMap<object, Linter>();

/** The linter with every rule and language, for `config` (the defaults when none). */
export function linterFor(config?: Config | ResolvedConfig): Linter {
  if (config === undefined) return (defaultLinter ??= createLinter());
  let linter = linters.get(config);
  if (!linter) {
    linter = createLinter({ config });
    linters.set(config, linter);
  }
  return linter;
}

/**
 * Lints one template with every rule of smslint: pure and synchronous, no I/O. Throws an
 * `InputError` when the template or the config does not fit its schema.
 *
 * @example
 * lint({ locale: 'en', category: 'transactional', body: 'Call us now!!' }).passed // false
 */
export function lint(input: unknown, config?: Config | ResolvedConfig): LintResult {
  return linterFor(config).lint(input);
}

/**
 * Checks that `input` is a template smslint can lint and returns it typed. Throws an
 * `InputError` whose problems name each bad field by JSON pointer.
 */
export function validateTemplate(input: unknown): Template {
  return linterFor().validate(input);
}
