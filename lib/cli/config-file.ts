import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InputError, builtInLocales, createLinter, lint, resolveConfig, type LintResult, type Linter, type LocaleData, type ResolvedConfig, type Template } from '../engine';
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

/** The linters of configs that name a team's own tone models (`"model"`). */
const teamLinters = new WeakMap<ResolvedConfig, Linter>();

/**
 * Reads and validates a config file, and the tone models its `model` folder holds; a bad
 * one throws a `SourceError` naming the file and the field.
 */
export function loadConfigFile(path: string, name: string = path): ResolvedConfig {
  const config = parseJson(readText(path, name), name);
  try {
    const resolved = resolveConfig(config);
    if (resolved.model !== undefined) teamLinters.set(resolved, createLinter({ config: resolved, locales: teamLocales(resolve(dirname(path), resolved.model), name) }));
    return resolved;
  } catch (error) {
    if (error instanceof InputError) throw new SourceError(`${name}: ${error.message}`);
    throw error;
  }
}

/** The built-in languages, each with the team's models from `folder` where it has them. */
function teamLocales(folder: string, configName: string) {
  if (!existsSync(folder)) throw new SourceError(`${configName}: /model: the folder ${folder} does not exist`);
  // `<language>.json` holds a tone model, `<language>.spam.json` a spam model (`npm run train -- --spam`).
  // A file that is there is read whatever it holds (`null` too): the linter then says what is wrong with it.
  const read = (file: string, shipped: LocaleData['toneModel']) => (existsSync(file) ? (parseJson(readText(file, file), file) as LocaleData['toneModel']) : shipped);
  return builtInLocales.map((locale) => ({
    ...locale,
    toneModel: read(join(folder, `${locale.language}.json`), locale.toneModel),
    spamModel: read(join(folder, `${locale.language}.spam.json`), locale.spamModel),
  }));
}

/** Lints `template` under `config`, with the team's tone models when the config names some. */
export function lintWithConfig(template: Template, config: ResolvedConfig): LintResult {
  return teamLinters.get(config)?.lint(template) ?? lint(template, config);
}
