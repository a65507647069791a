import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { ENGINE_VERSION } from '../engine';
import { regionBetween } from './body-locations';
import { fixFiles } from './fix';
import { yaml } from './lazy';
import { formatters } from './formatters';
import { ConfigLookup, describeFailure, lintInput, readTemplates, relativeTo, templateFailure, templateFiles, type InputFailure, type LintedTemplate, type NameOf, type TemplateInput } from './lint-files';
import { positionsIn } from './positions';
import { countProblems, plural, type TemplateReport } from './report';
import { SourceError, parseJson, readText } from './sources';

export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: Writable;
  stderr: Writable;
  cwd: string;
  /** Whether stdout is a terminal: the stylish format is coloured only then. */
  isTTY: boolean;
  /** The terminal's width, when stdout is one: stylish wraps its messages to it. */
  columns?: number;
  /** Environment for NO_COLOR / FORCE_COLOR / COLUMNS; defaults to `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/** Exit codes, as ESLint's: 0 clean, 1 error findings (or too many warnings), 2 usage or input error. */
export const ExitCode = { ok: 0, problems: 1, fatal: 2 } as const;

const STDIN = '-';
const STDIN_SOURCE = '<stdin>';
const DEFAULT_COLUMNS = 80;

export const usage = `Usage: smslint [options] <file|glob|->...

Lints SMS templates: .json (one template or an array), .jsonl (one a line),
.yaml/.yml (one template or a list), directories (their files of those kinds),
globs, and - (a template body read from standard input).

Options:
  -f, --format NAME        stylish (default), json, sarif or junit
  -o, --output-file PATH   write the report to PATH instead of standard output
  -c, --config PATH        config file for every template (default: the nearest
                           smslint.config.json in each file's folder or above;
                           for -, in the working directory or above)
      --fix                rewrite the files with the fixes the rules offer
      --fix-dry-run        print the fixes as a unified diff, change no file
      --max-warnings N     exit 1 when there are more than N warnings
      --quiet              report errors only
      --locale LOCALE      locale of the body read from - (default: the config's
                           defaultLocale, else en)
      --category CATEGORY  transactional or promotional, for - (default: the
                           config's defaultCategory, else transactional)
      --sender NAME        brand that sends the body read from -
      --variables SCHEMA   JSON Schema of the placeholders of the body read
                           from -: a .json or .yaml file, or the JSON itself
  -h, --help               show this help
  -v, --version            show the version

Exit codes: 0 no errors, 1 error findings or too many warnings,
2 usage or input error (unreadable file, nothing matched, invalid JSON,
invalid template, empty body, invalid config).
`;

const options = {
  format: { type: 'string', short: 'f', default: 'stylish' },
  'output-file': { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  fix: { type: 'boolean', default: false },
  'fix-dry-run': { type: 'boolean', default: false },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', default: false },
  locale: { type: 'string' },
  category: { type: 'string' },
  sender: { type: 'string' },
  variables: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const;

/** The options that describe the body read from standard input. */
const STDIN_OPTIONS = ['locale', 'category', 'sender', 'variables'] as const;

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

type Values = ReturnType<typeof parseArguments>['values'];

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArguments(argv);
  if (values.help) {
    io.stdout.write(usage);
    return ExitCode.ok;
  }
  if (values.version) {
    io.stdout.write(`${ENGINE_VERSION}\n`);
    return ExitCode.ok;
  }
  const formatter = formatters[values.format];
  if (!formatter) throw new FatalError(`unknown format "${values.format}" (formats: ${Object.keys(formatters).join(', ')})`);
  const maxWarnings = values['max-warnings'] === undefined ? undefined : parseCount(values['max-warnings']);
  checkUsage(values, positionals);

  const configs = new ConfigLookup(relativeTo(io.cwd), values.config === undefined ? undefined : resolve(io.cwd, values.config));
  const sources = await readSources(positionals, io, configs, values);
  const inputs = (failures: InputFailure[]) => inputsOf(sources, relativeTo(io.cwd), configs, failures);
  // Every file is read and every template checked before the report starts, so that a bad
  // one stops the run with no report; then read again as the report is written, so that
  // the run holds one template at a time, not all (JSON Lines files are read a line at a time).
  const failures: InputFailure[] = [];
  let templates = 0;
  for (const input of inputs(failures)) {
    templates++;
    const failure = templateFailure(input);
    if (failure) failures.push(failure);
  }
  if (failures.length > 0) throw new FatalError(failures.map(describeFailure).join('\nsmslint: '));
  if (templates === 0) throw new FatalError(`no template found in ${positionals.join(' ')}`);

  // --fix needs every template at once.
  let reports: Iterable<LintedTemplate> = lazyMap(inputs([]), lintInput);
  if (values.fix || values['fix-dry-run']) {
    const linted = [...reports];
    const { diff } = fixFiles(linted, { write: values.fix });
    if (values['fix-dry-run']) io.stdout.write(diff);
    reports = linted;
  }

  const totals = { errors: 0, warnings: 0 };
  const shown = lazyMap(reports, (report) => {
    const { errors, warnings } = countProblems([report]);
    totals.errors += errors;
    totals.warnings += warnings;
    return values.quiet ? errorsOnly(report) : report;
  });
  // A report file is read later, by other programs: colours are for a terminal only.
  const toFile = values['output-file'] !== undefined;
  const output = formatter(shown, { color: !toFile && useColor(io), version: ENGINE_VERSION, columns: columnsOf(io), quiet: values.quiet });
  if (toFile) writeReport(resolve(io.cwd, values['output-file']!), output);
  else await writeAll(io.stdout, output);

  if (totals.errors > 0) return ExitCode.problems;
  if (maxWarnings !== undefined && totals.warnings > maxWarnings) {
    io.stderr.write(`smslint: ${plural(totals.warnings, 'warning')}, more than --max-warnings ${maxWarnings}\n`);
    return ExitCode.problems;
  }
  return ExitCode.ok;
}

/** `items` mapped one at a time, as they are read. */
function* lazyMap<T, U>(items: Iterable<T>, map: (item: T) => U): Iterable<U> {
  for (const item of items) yield map(item);
}

/** Writes each piece, waiting while the stream's buffer is full, so the pieces do not pile up in memory. */
async function writeAll(out: Writable, pieces: Iterable<string>): Promise<void> {
  for (const piece of pieces) if (!out.write(piece)) await once(out, 'drain');
}

function parseArguments(argv: string[]) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new FatalError(`${(error as Error).message}\n\n${usage}`);
  }
}

/** Combinations of arguments that cannot mean anything: said before any file is read. */
function checkUsage(values: Values, positionals: string[]): void {
  if (positionals.length === 0) throw new FatalError(`no input given\n\n${usage}`);
  const stdinCount = positionals.filter((pattern) => pattern === STDIN).length;
  if (stdinCount > 1) throw new FatalError('- (standard input) may be given once');
  const stdinOptions = STDIN_OPTIONS.filter((name) => values[name] !== undefined);
  if (stdinCount === 0 && stdinOptions.length > 0) {
    throw new FatalError(`${stdinOptions.map((name) => `--${name}`).join(', ')}: only for a body read from - (standard input)`);
  }
  if (values.fix && values['fix-dry-run']) throw new FatalError('give --fix or --fix-dry-run, not both');
  if (values.fix && stdinCount > 0) throw new FatalError('--fix rewrites files: for - (standard input), use --fix-dry-run');
  if (values['fix-dry-run'] && values.format !== 'stylish' && values['output-file'] === undefined) {
    throw new FatalError(`--fix-dry-run prints a diff on standard output: give --output-file for the ${values.format} report`);
  }
}

function parseCount(text: string): number {
  if (!/^\d+$/.test(text)) throw new FatalError(`--max-warnings takes a whole number, not "${text}"`);
  return Number(text);
}

/**
 * What the arguments name, in their order: each file once (absolute paths), and the
 * template of standard input. A pattern that matches nothing stops the run.
 */
async function readSources(patterns: string[], io: CliIo, configs: ConfigLookup, values: Values): Promise<(string | TemplateInput)[]> {
  const sources: (string | TemplateInput)[] = [];
  const seen = new Set<string>();
  for (const pattern of patterns) {
    if (pattern === STDIN) {
      sources.push(await stdinInput(io, configs, values));
      continue;
    }
    const matched = templateFiles(pattern, io.cwd);
    if (matched.length === 0) throw new FatalError(`${pattern}: no file matched`);
    for (const path of matched) if (!seen.has(path)) sources.push(path);
    matched.forEach((path) => seen.add(path));
  }
  return sources;
}

/** Every template of `sources`, each with its config, read as wanted; files that cannot be read or parsed go to `failures`. */
function* inputsOf(sources: readonly (string | TemplateInput)[], nameOf: NameOf, configs: ConfigLookup, failures: InputFailure[]): Generator<TemplateInput> {
  for (const source of sources) {
    if (typeof source === 'string') yield* readTemplates([source], nameOf, configs, failures);
    else yield source;
  }
}

/** The template of standard input: its body, the stdin options, and the config of the working directory. */
async function stdinInput(io: CliIo, configs: ConfigLookup, values: Values): Promise<TemplateInput> {
  const config = configs.forDirectory(io.cwd);
  const body = await readBody(io.stdin);
  const template = {
    locale: values.locale ?? config.defaultLocale,
    category: values.category ?? config.defaultCategory,
    ...(values.sender !== undefined && { sender: values.sender }),
    ...(values.variables !== undefined && { variables: readVariables(values.variables, io.cwd) }),
    body,
  };
  const positionOf = positionsIn(body);
  const locateBody = (start: number, end: number) => regionBetween(start, end, positionOf);
  return { source: STDIN_SOURCE, line: 1, template, file: null, path: null, index: 0, config, locateBody };
}

/** `--variables`: the JSON itself when it starts with `{`, else a `.json`, `.yaml` or `.yml` file. */
function readVariables(value: string, cwd: string): unknown {
  if (value.trimStart().startsWith('{')) return parseJson(value, '--variables');
  const text = readText(resolve(cwd, value), value);
  if (!/\.ya?ml$/i.test(value)) return parseJson(text, value);
  try {
    return yaml().parse(text) as unknown;
  } catch (error) {
    throw new FatalError(`${value}: invalid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** The body read from standard input, without the one line break that `echo` or an editor adds. */
async function readBody(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
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

/** The terminal's width; else `COLUMNS`, as shells export it; else 80. */
function columnsOf({ isTTY, columns, env = process.env }: CliIo): number {
  if (isTTY && columns !== undefined && columns > 0) return columns;
  const fromEnv = Number(env.COLUMNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_COLUMNS;
}

function writeReport(path: string, pieces: Iterable<string>): void {
  let fd: number;
  try {
    mkdirSync(dirname(path), { recursive: true });
    fd = openSync(path, 'w');
  } catch (error) {
    throw new FatalError(`cannot write the report to ${path}: ${(error as Error).message}`);
  }
  // Written as each piece comes, not queued on a stream: queued pieces outlive the young
  // generation and pile up in the old one until a full collection (300 MiB for 100,000 templates).
  try {
    for (const piece of pieces) writeSync(fd, piece);
  } finally {
    closeSync(fd);
  }
}
