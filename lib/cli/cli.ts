import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { InputError, lint, resolveConfig, type ResolvedConfig } from '../engine';
import { CONFIG_FILE_NAME, findConfigFile, loadConfigFile } from './config-file';
import { regionBetween } from './body-locations';
import { formatters } from './formatters';
import { positionsIn } from './positions';
import { countProblems, type TemplateReport } from './report';
import { SourceError, loadTemplateFile, templateExtensions, type LoadedTemplate } from './sources';

export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: Writable;
  stderr: Writable;
  cwd: string;
  /** Whether stdout is a terminal: the stylish format is coloured only then. */
  isTTY: boolean;
  /** Environment for NO_COLOR / FORCE_COLOR; defaults to `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/** Exit codes, as ESLint's: 0 clean, 1 error findings (or too many warnings), 2 usage or input error. */
export const ExitCode = { ok: 0, problems: 1, fatal: 2 } as const;

const STDIN_SOURCE = '<stdin>';

export const usage = `Usage: smslint [options] <file|glob|->...

Lints SMS templates: .json (one template or an array), .jsonl (one a line),
.yaml/.yml (one template or a list), directories (their files of those kinds),
globs, and - (a template body read from standard input).

Options:
  -f, --format NAME        stylish (default), json, sarif or junit
  -o, --output-file PATH   write the report to PATH instead of standard output
  -c, --config PATH        config file (default: the nearest smslint.config.json
                           in the working directory or above)
      --max-warnings N     exit 1 when there are more than N warnings
      --quiet              report errors only
      --locale LOCALE      locale of the body read from - (default: the config's
                           defaultLocale, else en)
      --category CATEGORY  transactional or promotional, for - (default: the
                           config's defaultCategory, else transactional)
      --sender NAME        brand that sends the body read from -
  -h, --help               show this help
  -v, --version            show the version

Exit codes: 0 no errors, 1 error findings or too many warnings,
2 usage or input error (unreadable file, nothing matched, invalid JSON,
invalid template, invalid config).
`;

const options = {
  format: { type: 'string', short: 'f', default: 'stylish' },
  'output-file': { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', default: false },
  locale: { type: 'string' },
  category: { type: 'string' },
  sender: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const;

/** A problem that stops the run before any report: exit 2 with this message. */
class FatalError extends Error {}

/**
 * Runs smslint over `argv` (the arguments after the program name) and returns the exit
 * code; it never calls `process.exit`, so it runs in-process in tests.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (!(error instanceof FatalError || error instanceof SourceError)) throw error;
    io.stderr.write(`smslint: ${error.message}\n`);
    return ExitCode.fatal;
  }
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseArguments(argv);
  if (args.values.help) {
    io.stdout.write(usage);
    return ExitCode.ok;
  }
  if (args.values.version) {
    io.stdout.write(`${version()}\n`);
    return ExitCode.ok;
  }
  const { values, positionals } = args;
  const formatter = formatters[values.format];
  if (!formatter) throw new FatalError(`unknown format "${values.format}" (formats: ${Object.keys(formatters).join(', ')})`);
  const maxWarnings = values['max-warnings'] === undefined ? undefined : parseCount(values['max-warnings']);
  if (positionals.length === 0) throw new FatalError(`no input given\n\n${usage}`);

  const config = loadConfig(values.config, io.cwd);
  const loaded = await loadInputs(positionals, io, config, values);
  const { reports, problems } = lintAll(loaded, config);
  if (problems.length > 0) throw new FatalError(problems.join('\nsmslint: '));
  if (reports.length === 0) throw new FatalError(`no template found in ${positionals.join(' ')}`);

  const shown = values.quiet ? reports.map(errorsOnly) : reports;
  // A report file is read later, by other programs: colours are for a terminal only.
  const color = values['output-file'] === undefined && useColor(io);
  const output = formatter(shown, { color, version: version() });
  if (values['output-file'] === undefined) {
    io.stdout.write(output);
  } else {
    writeReport(resolve(io.cwd, values['output-file']), output);
  }

  const { errors, warnings } = countProblems(reports);
  if (errors > 0) return ExitCode.problems;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr.write(`smslint: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return ExitCode.problems;
  }
  return ExitCode.ok;
}

function parseArguments(argv: string[]) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new FatalError(`${(error as Error).message}\n\n${usage}`);
  }
}

function parseCount(text: string): number {
  if (!/^\d+$/.test(text)) throw new FatalError(`--max-warnings takes a whole number, not "${text}"`);
  return Number(text);
}

function loadConfig(configPath: string | undefined, cwd: string): ResolvedConfig {
  const path = configPath === undefined ? findConfigFile(cwd) : resolve(cwd, configPath);
  return path === undefined ? resolveConfig({}) : loadConfigFile(path, displayPath(cwd, path));
}

/** A loaded template and the file it came from (null for standard input). */
type InputTemplate = LoadedTemplate & { file: string | null };

interface InputOptions {
  locale?: string;
  category?: string;
  sender?: string;
}

/** One entry per template, in the order of the arguments; a file's templates in file order. */
async function loadInputs(
  patterns: string[],
  io: CliIo,
  config: ResolvedConfig,
  inputOptions: InputOptions,
): Promise<InputTemplate[]> {
  const loaded: InputTemplate[] = [];
  const seen = new Set<string>();
  if (patterns.filter((pattern) => pattern === '-').length > 1) throw new FatalError('- (standard input) may be given once');
  for (const pattern of patterns) {
    if (pattern === '-') {
      const body = await readBody(io.stdin);
      const template = {
        locale: inputOptions.locale ?? config.defaultLocale,
        category: inputOptions.category ?? config.defaultCategory,
        ...(inputOptions.sender !== undefined && { sender: inputOptions.sender }),
        body,
      };
      const positionOf = positionsIn(body);
      const locateBody = (start: number, end: number) => regionBetween(start, end, positionOf);
      loaded.push({ source: STDIN_SOURCE, line: 1, template, file: null, locateBody });
      continue;
    }
    for (const path of expandPattern(pattern, io.cwd)) {
      if (seen.has(path)) continue;
      seen.add(path);
      const file = displayPath(io.cwd, path);
      loaded.push(...loadTemplateFile(path, file).map((entry) => ({ ...entry, file })));
    }
  }
  return loaded;
}

/** Never templates: dependencies, and the config file that sits beside templates. */
const IGNORED = ['**/node_modules/**', `**/${CONFIG_FILE_NAME}`];

/**
 * Absolute paths for one argument: the file itself, a directory's template files, or a
 * glob's matches (dot folders and the `IGNORED` paths left out, as ESLint does).
 */
function expandPattern(pattern: string, cwd: string): string[] {
  const path = resolve(cwd, pattern);
  const isDirectory = existsSync(path) && statSync(path).isDirectory();
  if (existsSync(path) && !isDirectory) return [path];
  if (!isDirectory && !isDynamicPattern(pattern)) throw new FatalError(`${pattern}: no such file`);
  const matches = (
    isDirectory
      ? globSync(templateExtensions.map((extension) => `**/*${extension}`), { cwd: path, absolute: true, ignore: IGNORED })
      : globSync(pattern, { cwd, absolute: true, ignore: IGNORED })
  ).sort();
  if (matches.length === 0) throw new FatalError(`${pattern}: no file matched`);
  return matches.map((match) => resolve(match));
}

/** The body read from standard input, without the one line break that `echo` or an editor adds. */
async function readBody(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** Lints every template; every invalid one is reported (source and JSON pointer), none is dropped. */
function lintAll(loaded: InputTemplate[], config: ResolvedConfig) {
  const reports: TemplateReport[] = [];
  const problems: string[] = [];
  for (const { source, line, file, template, locateBody } of loaded) {
    try {
      const result = lint(template, config);
      reports.push({ source, file, line, body: (template as { body: string }).body, result, locateBody });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(`${source}: ${error.message}`);
    }
  }
  return { reports, problems };
}

function errorsOnly(report: TemplateReport): TemplateReport {
  const findings = report.result.findings.filter((finding) => finding.severity === 'error');
  return { ...report, result: { ...report.result, findings } };
}

/** NO_COLOR (https://no-color.org) turns colours off, FORCE_COLOR turns them on, else only on a terminal. */
function useColor({ isTTY, env = process.env }: CliIo): boolean {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY;
}

function writeReport(path: string, output: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, output);
  } catch (error) {
    throw new FatalError(`cannot write the report to ${path}: ${(error as Error).message}`);
  }
}

/** Paths in reports are relative to the working directory and `/`-separated, as SARIF URIs want. */
function displayPath(cwd: string, path: string): string {
  return relative(cwd, path).split(sep).join('/');
}

/** The package's version, from the nearest package.json above this module (in `lib/cli/` or `dist/lib/cli/`). */
function version(): string {
  let directory = __dirname;
  while (!existsSync(join(directory, 'package.json'))) directory = dirname(directory);
  return (JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as { version: string }).version;
}
