import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { Annotations } from 'aws-cdk-lib';
import { DISABLE_METADATA_STACK_TRACE } from 'aws-cdk-lib/cx-api';
import { Construct, type IConstruct } from 'constructs';
import { lintFolder, type LintedTemplate } from '../cli/lint-files';
import { SourceError } from '../cli/sources';
import { projectRoot } from './paths';

/** The gate refused the templates: its message lists each error with its file and rule. */
export class DeployGateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeployGateError';
  }
}

/** One line of the gate's verdict: where, which template, which rule, what. */
export interface GateFinding {
  /** `file:line:column` of the finding's first character (`file:line` where the body cannot be placed exactly). */
  location: string;
  /** The template's `id`, when it has one. */
  templateId?: string;
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
 * Lints every template file in `dir` (recursively, with the CLI's folder linting and
 * ignore rules) with each file's nearest `smslint.config.json`, or `configPath` for all.
 * Pure of CDK: the stack decides what a verdict means. A file that cannot be read or a
 * template that does not fit the schema is an error finding; a bad config stops the gate.
 */
export function lintTemplateDirectory(dir: string, configPath?: string): GateResult {
  if (!existsSync(dir)) throw new DeployGateError(`smslint deploy gate: the templates folder ${dir} does not exist`);
  let folder: ReturnType<typeof lintFolder>;
  try {
    folder = lintFolder(dir, { nameOf: displayPath, configPath });
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    throw new DeployGateError(`smslint deploy gate: ${error.message}`);
  }
  const result: GateResult = { files: folder.files, errors: [], warnings: [] };
  for (const failure of folder.failures) {
    result.errors.push({ location: failure.source, ruleId: failure.kind, message: failure.message });
  }
  for (const template of folder.linted) {
    for (const finding of template.result.findings) {
      if (finding.suppressed) continue;
      const line: GateFinding = {
        location: locationOf(template, finding.start),
        ...(template.result.id !== null && { templateId: template.result.id }),
        ruleId: finding.ruleId,
        message: finding.message,
      };
      (finding.severity === 'error' ? result.errors : result.warnings).push(line);
    }
  }
  return result;
}

/**
 * Stops the synthesis when a template of `dir` (linted as `lintTemplateDirectory` does) has an error finding (the thrown message
 * lists each with its file, position, template and rule, and the CDK app exits non-zero),
 * and shows each warning as a CDK warning, acknowledgeable by id `smslint:<rule>`. The
 * warnings hang on a `DeployGate` construct that records no stack trace: the CDK CLI
 * would print the line of this file that added them before each, which is not where
 * the problem is.
 */
export function enforceDeployGate(scope: IConstruct, dir: string, configPath?: string): GateResult {
  const result = lintTemplateDirectory(dir, configPath);
  if (result.errors.length > 0) {
    const count = `${result.errors.length} ${result.errors.length === 1 ? 'error' : 'errors'}`;
    throw new DeployGateError(
      `smslint deploy gate: ${count} in the templates of ${displayPath(dir)}:\n` + result.errors.map((error) => `  ${formatFinding(error)}`).join('\n'),
    );
  }
  if (result.warnings.length === 0) return result;
  const gate = new Construct(scope, 'DeployGate');
  gate.node.setContext(DISABLE_METADATA_STACK_TRACE, true);
  for (const warning of result.warnings) {
    Annotations.of(gate).addWarningV2(`smslint:${warning.ruleId}`, `smslint deploy gate: ${formatFinding(warning)}`);
  }
  return result;
}

/** Where a body offset is in its file: exact for JSON, JSON Lines and YAML written as is, else the body's line. */
function locationOf(template: LintedTemplate, offset: number): string {
  const region = template.locateBody?.(offset, offset) ?? { startLine: template.line };
  return `${template.file}:${region.startLine}${region.startColumn === undefined ? '' : `:${region.startColumn}`}`;
}

/** `file:line:column: rule (template id): message`, the template's id left out when it has none. */
function formatFinding(finding: GateFinding): string {
  const template = finding.templateId === undefined ? '' : ` (${finding.templateId})`;
  return `${finding.location}: ${finding.ruleId}${template}: ${finding.message}`;
}

/** Paths in messages are relative to the project root, as a reviewer would type them. */
function displayPath(path: string): string {
  const relativePath = relative(projectRoot, path);
  return relativePath.startsWith('..') ? path : relativePath;
}
