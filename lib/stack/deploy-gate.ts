import { existsSync, readdirSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { Annotations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { CONFIG_FILE_NAME, findConfigFile, loadConfigFile } from '../cli/config-file';
import { SourceError, loadTemplateFile, templateExtensions } from '../cli/sources';
import { InputError, lint, type Finding, type ResolvedConfig } from '../engine';
import { projectRoot } from './paths';

/** The files of a templates folder the gate reads (the CLI's); anything else there is left alone. */
const TEMPLATE_EXTENSIONS: ReadonlySet<string> = new Set(templateExtensions);

/** The gate refused the templates: its message lists each error with its file and rule. */
export class DeployGateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeployGateError';
  }
}

/** One line of the gate's verdict: where, which rule, what. */
export interface GateFinding {
  /** The template, as `loadTemplateFile` names it: `file`, or `file:line` when a file holds several. */
  source: string;
  ruleId: string;
  message: string;
}

export interface GateResult {
  /** Files read, relative to the project root. */
  files: string[];
  errors: GateFinding[];
  warnings: GateFinding[];
}

/**
 * Lints every template file in `dir` (recursively) with the nearest `smslint.config.json`
 * in `dir` or above it, as the CLI does. Pure of CDK: the stack decides what a verdict means.
 * A file that cannot be read or does not fit the template schema is an error finding; any
 * other exception is a bug and propagates (it stops the synthesis all the same).
 */
export function lintTemplateDirectory(dir: string, configPath = findConfigFile(dir)): GateResult {
  if (!existsSync(dir)) throw new DeployGateError(`smslint deploy gate: the templates folder ${dir} does not exist`);
  const config = loadConfig(configPath);
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => TEMPLATE_EXTENSIONS.has(extname(name).toLowerCase()) && !name.endsWith(CONFIG_FILE_NAME))
    .sort()
    .map((name) => join(dir, name));
  const result: GateResult = { files: files.map(displayPath), errors: [], warnings: [] };
  for (const file of files) {
    let entries: ReturnType<typeof loadTemplateFile>;
    try {
      entries = loadTemplateFile(file, displayPath(file));
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      result.errors.push({ source: displayPath(file), ruleId: 'invalid-file', message: error.message });
      continue;
    }
    for (const { source: where, template } of entries) {
      let findings: Finding[];
      try {
        findings = lint(template, config).findings;
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        result.errors.push({ source: where, ruleId: 'invalid-template', message: error.message });
        continue;
      }
      for (const finding of findings) {
        if (finding.suppressed) continue;
        const line = { source: where, ruleId: finding.ruleId, message: `${finding.message} [${finding.start}-${finding.end}]` };
        (finding.severity === 'error' ? result.errors : result.warnings).push(line);
      }
    }
  }
  return result;
}

/**
 * Stops the synthesis when a template of `dir` has an error finding (the thrown message
 * lists each with its file and rule, and the CDK app exits non-zero), and shows each
 * warning as a CDK warning on `scope`, acknowledgeable by id `smslint:<rule>`.
 */
export function enforceDeployGate(scope: IConstruct, dir: string): GateResult {
  const result = lintTemplateDirectory(dir);
  if (result.errors.length > 0) {
    throw new DeployGateError(
      `smslint deploy gate: ${result.errors.length} error(s) in the templates of ${displayPath(dir)}:\n` +
        result.errors.map(formatFinding).join('\n'),
    );
  }
  for (const warning of result.warnings) {
    Annotations.of(scope).addWarningV2(`smslint:${warning.ruleId}`, `smslint deploy gate: ${formatFinding(warning)}`);
  }
  return result;
}

function loadConfig(path: string | undefined): ResolvedConfig | undefined {
  if (path === undefined) return undefined;
  try {
    return loadConfigFile(path, displayPath(path));
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    throw new DeployGateError(`smslint deploy gate: ${error.message}`);
  }
}

function formatFinding(finding: GateFinding): string {
  return `  ${finding.source}: ${finding.ruleId}: ${finding.message}`;
}

/** Paths in messages are relative to the project root, as a reviewer would type them. */
function displayPath(path: string): string {
  const relativePath = relative(projectRoot, path);
  return relativePath.startsWith('..') ? path : relativePath;
}
