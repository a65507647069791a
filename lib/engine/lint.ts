import { resolveConfig } from './config';
import { formatMessage, localeFor, supportedLanguages } from './locales';
import { rules } from './rules';
import { templateSchema } from './schemas/template';
import { measureBody } from './sms/segments';
import { variablesInfo } from './sms/variables';
import { analyseText } from './text';
import type { Config, Finding, LintResult, Report, ResolvedConfig, Rule, RuleContext, Template } from './types';
import { InputError, assertValid, compile } from './validate';

const validateTemplateShape = compile<Template>(templateSchema);
const defaultConfig = resolveConfig();
/** Configs are validated once per object: the CLI and the service lint many templates with one. */
const resolvedConfigs = new WeakMap<object, ResolvedConfig>();

/**
 * Checks that `input` is a template smslint can lint and returns it typed.
 * Throws an `InputError` whose problems name each bad field by JSON pointer.
 */
export function validateTemplate(input: unknown): Template {
  const template = assertValid(validateTemplateShape, input, 'template');
  const language = languageOf(template.locale);
  if (!localeFor(language)) {
    throw new InputError('template', [
      { path: '/locale', message: `language "${language}" is not supported (supported: ${supportedLanguages.join(', ')})` },
    ]);
  }
  const unknownSuppressions = (template.suppress ?? []).flatMap((entry, index) =>
    Object.hasOwn(rules, entry.rule) ? [] : [{ path: `/suppress/${index}/rule`, message: `"${entry.rule}" is not a rule of smslint` }],
  );
  if (unknownSuppressions.length > 0) throw new InputError('template', unknownSuppressions);
  if (template.variables) variablesInfo(template.variables);
  return template;
}

/**
 * Lints one template: pure and synchronous, no I/O. Throws an `InputError` when the
 * template or the config does not fit its schema.
 *
 * @example
 * lint({ locale: 'en', category: 'transactional', body: 'Call us now!!' }).passed // false
 */
export function lint(input: unknown, config?: Config | ResolvedConfig): LintResult {
  const template = validateTemplate(input);
  const resolved = resolveCached(config);
  const language = languageOf(template.locale);
  const locale = localeFor(language)!;
  const text = analyseText(template.body);
  const findings: Finding[] = [];
  // One context for the whole lint: only the reporting rule changes between rules.
  let current: ActiveRule;
  const context: RuleContext = {
    template,
    body: template.body,
    category: template.category,
    language,
    locale,
    text,
    config: resolved,
    options: {},
    report(report: Report) {
      findings.push(toFinding(current, locale.messages[current.id], report, language));
    },
  };
  for (const active of activeRulesOf(resolved)) {
    current = active;
    (context as { options: Record<string, unknown> }).options = active.options;
    active.rule.check(context);
  }

  for (const { rule, reason } of template.suppress ?? []) {
    for (const finding of findings) {
      if (finding.ruleId === rule) {
        finding.suppressed = true;
        finding.suppressionReason = reason;
      }
    }
  }
  if (findings.length > 1) findings.sort(byPosition);
  return {
    id: template.id ?? null,
    passed: !findings.some((finding) => finding.severity === 'error' && !finding.suppressed),
    findings,
    ...measureBody(text, template, resolved),
  };
}

interface ActiveRule {
  id: string;
  rule: Rule;
  severity: Finding['severity'];
  options: Record<string, unknown>;
}

/** The rules a config turns on, with their severity: worked out once per config, not per lint. */
const activeRulesByConfig = new WeakMap<ResolvedConfig, ActiveRule[]>();

function activeRulesOf(config: ResolvedConfig): ActiveRule[] {
  let active = activeRulesByConfig.get(config);
  if (!active) {
    active = Object.entries(rules).flatMap(([id, rule]) => {
      const { setting, options } = config.rules[id];
      return setting === 'off' ? [] : [{ id, rule, severity: setting === 'error' ? ('error' as const) : ('warning' as const), options }];
    });
    activeRulesByConfig.set(config, active);
  }
  return active;
}

function byPosition(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

function toFinding({ id: ruleId, severity }: ActiveRule, messages: Record<string, string> | undefined, report: Report, language: string): Finding {
  const text = messages?.[report.messageId];
  if (text === undefined) throw new Error(`rule ${ruleId} has no message "${report.messageId}" in this locale`);
  const finding: Finding = {
    ruleId,
    severity,
    message: formatMessage(text, report.data, language),
    start: report.start,
    end: report.end,
  };
  const suggestion = report.suggestion ?? (report.suggestionId ? messages?.[report.suggestionId] : undefined);
  if (suggestion !== undefined) finding.suggestion = formatMessage(suggestion, report.data, language);
  if (report.fix !== undefined) finding.fix = report.fix;
  return finding;
}

function resolveCached(config: Config | ResolvedConfig | undefined): ResolvedConfig {
  if (config === undefined) return defaultConfig;
  if (isResolved(config)) return config;
  let resolved = resolvedConfigs.get(config);
  if (!resolved) {
    resolved = resolveConfig(config);
    resolvedConfigs.set(config, resolved);
  }
  return resolved;
}

function isResolved(config: Config | ResolvedConfig): config is ResolvedConfig {
  return (config as ResolvedConfig).allowedCapitals instanceof Set;
}

function languageOf(locale: string): string {
  const dash = locale.indexOf('-');
  return dash < 0 ? locale : locale.slice(0, dash);
}
