import { existsSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { InputError, resolveConfig, validateTemplate, type ResolvedConfig, type Template } from '../engine';
import { CONFIG_FILE_NAME, findConfigFile, lintWithConfig, loadConfigFile } from './config-file';
import { glob } from './lazy';
import type { TemplateReport } from './report';
import { SourceError, templateExtensions, templatesIn, type LoadedTemplate } from './sources';

/**
 * Never templates, in a folder or a glob: dependencies, and the config file that sits beside
 * templates. Dot folders and files (`.github/`, `.git/`) are left out too, as ESLint does.
 */
const IGNORED = ['**/node_modules/**', `**/${CONFIG_FILE_NAME}`];

/**
 * Absolute paths of the template files one argument names: the file itself, a folder's
 * `.json`, `.jsonl`, `.yaml` and `.yml` files at any depth, or a glob's matches, in path
 * order. Throws a `SourceError` for a path that does not exist; a folder or glob with no
 * template file gives none.
 */
export function templateFiles(pattern: string, cwd: string): string[] {
  const path = resolve(cwd, pattern);
  const exists = existsSync(path);
  if (exists && !statSync(path).isDirectory()) return [path];
  const { globSync, isDynamicPattern } = glob();
  if (!exists && !isDynamicPattern(pattern)) throw new SourceError(`${pattern}: no such file`);
  const matches = exists
    ? globSync(templateExtensions.map((extension) => `**/*${extension}`), { cwd: path, absolute: true, ignore: IGNORED })
    : globSync(pattern, { cwd, absolute: true, ignore: IGNORED });
  return matches.map((match) => resolve(match)).sort();
}

/**
 * The config of each template file: `--config` for all when given, else the nearest
 * `smslint.config.json` in the file's folder or above, as ESLint finds its config; the
 * defaults when there is none. Each folder is looked up and each config read once.
 */
export class ConfigLookup {
  private readonly nearest = new Map<string, string | undefined>();
  private readonly loaded = new Map<string, ResolvedConfig>();
  private defaults?: ResolvedConfig;

  /** `nameOf` names config files in messages; `explicitPath` (absolute) overrides the lookup. */
  constructor(
    private readonly nameOf: NameOf,
    private readonly explicitPath?: string,
  ) {}

  /** The config for templates in `directory`; a bad config file throws a `SourceError` naming it and the field. */
  forDirectory(directory: string): ResolvedConfig {
    const path = this.explicitPath ?? this.nearestTo(directory);
    if (path === undefined) return (this.defaults ??= resolveConfig());
    let config = this.loaded.get(path);
    if (!config) {
      config = loadConfigFile(path, this.nameOf(path));
      this.loaded.set(path, config);
    }
    return config;
  }

  private nearestTo(directory: string): string | undefined {
    if (!this.nearest.has(directory)) this.nearest.set(directory, findConfigFile(directory));
    return this.nearest.get(directory);
  }
}

/** A template read from a file (or standard input), with the config that applies to it. */
export interface TemplateInput extends LoadedTemplate {
  /** Path relative to the working directory, `/`-separated; null for standard input. */
  file: string | null;
  /** Absolute path; null for standard input. */
  path: string | null;
  /** Position of the template in its file, from 0. */
  index: number;
  config: ResolvedConfig;
}

/** A linted template: its report, and what `--fix` needs to lint and rewrite it again. */
export interface LintedTemplate extends TemplateReport {
  path: string | null;
  index: number;
  template: Template;
  config: ResolvedConfig;
}

/** A file that cannot be read or parsed (`invalid-file`), or a template that does not fit the schema (`invalid-template`). */
export interface InputFailure {
  /** The file, or the template's `file:line`. */
  source: string;
  kind: 'invalid-file' | 'invalid-template';
  /** What is wrong; for a file, with its name and the line where known. */
  message: string;
}

/** A failure as one line: `broken.jsonl:3:5: invalid JSON: …`, `alerts.jsonl:2: invalid template: /category …`. */
export function describeFailure({ source, kind, message }: InputFailure): string {
  return kind === 'invalid-file' ? message : `${source}: ${message}`;
}

/**
 * The templates of `paths` (absolute, each once) with their configs, read as they are
 * wanted. Unreadable or unparsable files are pushed to `failures`, not thrown, so that
 * every one is reported; a bad config file throws a `SourceError`, as it concerns every
 * template under it.
 */
export function* readTemplates(paths: readonly string[], nameOf: NameOf, configs: ConfigLookup, failures: InputFailure[]): Generator<TemplateInput> {
  for (const path of paths) {
    const file = nameOf(path);
    const config = configs.forDirectory(dirname(path));
    let index = 0;
    try {
      // Fields named, not spread: V8 kept spread copies past the young generation (100 MB of
      // garbage in the old one for 100,000 templates).
      for (const { source, line, template, locateBody } of templatesIn(path, file)) yield { source, line, template, locateBody, file, path, index: index++, config };
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      failures.push({ source: file, kind: 'invalid-file', message: error.message });
    }
  }
}

/** A template that does not fit the schema, as a failure naming its source and field; undefined when it fits. */
export function templateFailure(input: TemplateInput): InputFailure | undefined {
  try {
    validateTemplate(input.template);
    return undefined;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { source: input.source, kind: 'invalid-template', message: error.message };
  }
}

/** Lints one input with its config; throws an `InputError` for a template that does not fit the schema. */
export function lintInput(input: TemplateInput): LintedTemplate {
  const template = validateTemplate(input.template);
  return lintedTemplate(input, template, lintWithConfig(template, input.config));
}

function lintedTemplate(input: TemplateInput, template: Template, result: LintedTemplate['result']): LintedTemplate {
  const { source, file, line, locateBody, path, index, config } = input;
  return { source, file, line, body: template.body, result, locateBody, path, index, template, config };
}

/**
 * Lints the template files under `folder` (any depth, the CLI's ignore rules) with each
 * file's nearest config, or `configPath` for all: the one folder linting of the CLI and
 * the deploy gate. `nameOf` names files in sources and messages.
 */
export function lintFolder(folder: string, options: { nameOf: NameOf; configPath?: string }) {
  const files = templateFiles(folder, folder);
  const linted: LintedTemplate[] = [];
  const failures: InputFailure[] = [];
  for (const input of readTemplates(files, options.nameOf, new ConfigLookup(options.nameOf, options.configPath), failures)) {
    const failure = templateFailure(input);
    if (failure) failures.push(failure);
    else linted.push(lintInput(input));
  }
  return { files: files.map(options.nameOf), linted, failures };
}

/** How a file is named in sources and messages, from its absolute path. */
export type NameOf = (path: string) => string;

/** Names relative to `cwd`, `/`-separated, as SARIF URIs want: the CLI's names. */
export function relativeTo(cwd: string): NameOf {
  return (path) => relative(cwd, path).split(sep).join('/');
}
