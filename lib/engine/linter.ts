import { resolveConfig } from './config';
import { discourseOf, type Discourse } from './core/discourse';
import { decideTone, namedToneFeatures, scorerOf, type ToneDecisions } from './core/tone';
import { builtInLocales, formatMessage, type LocaleData } from './locales';
import { namedSpamFeatures, spamScorerOf } from './spam/reading';
import { rules as registry } from './rules';
import { normaliseText, type NormalisedText } from './normalise';
import { measure, type Measurement } from './sms/segments';
import { variablesInfo } from './sms/variables';
import { analyseText, type TextAnalysis } from './text';
import type { Category, Config, Finding, LintResult, Report, ResolvedConfig, Rule, RuleContext, Severity, Template } from './types';
import { template as templateValidator } from './schemas/validators.generated';
import { InputError, assertWellFormed, type ValidateFunction } from './validate';
import { ENGINE_VERSION } from './version';

export interface LinterOptions {
  /** The rules to run (default: every rule of smslint). */
  rules?: readonly Rule[];
  /** The languages it reads, as data (default: English and French). */
  locales?: readonly LocaleData[];
  /** A `smslint.config.json` object, or one resolved already. */
  config?: Config | ResolvedConfig;
}

export interface Linter {
  /**
   * Lints one template: pure and synchronous, no I/O. Throws an `InputError` naming each
   * bad field when the template does not fit its schema.
   */
  lint(template: unknown): LintResult;
  /** Checks that `input` is a template this linter can lint and returns it typed. */
  validate(input: unknown): Template;
  /** The named features the tone decisions read in a template: what `npm run train` learns from. */
  toneFeatures(input: unknown): Map<string, number>;
  /** The named features spam-likeness reads in a template: what `npm run train` learns its model from. */
  spamFeatures(input: unknown): Map<string, number>;
  /** Its rules, by id. */
  readonly rules: Readonly<Record<string, Rule>>;
  readonly languages: readonly string[];
  readonly config: ResolvedConfig;
  /** The engine's version, recorded with verdicts. */
  readonly version: string;
}

const validateTemplateShape = templateValidator as ValidateFunction<Template>;

/**
 * Findings kept per rule in a result; the rest are counted in `omitted`. 64 KB of "x.co "
 * would otherwise make 13,000 link findings, a response over Lambda's 6 MB.
 */
export const MAX_FINDINGS_PER_RULE = 100;

/**
 * A linter over a set of rules, languages and one config: everything that does not
 * depend on the template (the registry, the config, the active rules per category) is
 * worked out here, once.
 *
 * @example
 * const linter = createLinter({ config: { allowedCapitals: ['ZENKO'] } });
 * linter.lint({ locale: 'fr', category: 'transactional', body: 'Vos points ZENKO sont crédités.' }).passed // true
 */
export function createLinter(options: LinterOptions = {}): Linter {
  const ruleList = options.rules ?? Object.values(registry);
  const rules: Record<string, Rule> = {};
  for (const rule of [...ruleList].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1))) {
    if (Object.hasOwn(rules, rule.meta.id)) throw new Error(`two rules have the id "${rule.meta.id}"`);
    rules[rule.meta.id] = rule;
  }
  const locales = new Map((options.locales ?? builtInLocales).map((locale) => [locale.language, locale]));
  // Models given here are checked now; the shipped ones are checked by the tests and each
  // built on first use, as building one costs more than a lint.
  for (const locale of locales.values()) if (!builtInLocales.includes(locale)) checkToneModel(locale);
  const languages = [...locales.keys()];
  const config = isResolved(options.config) ? options.config : resolveConfig(options.config, rules);
  const active: Record<Category, ActiveRule[]> = { transactional: activeRules(rules, config, 'transactional'), promotional: activeRules(rules, config, 'promotional') };

  function validate(input: unknown): Template {
    const template = assertWellFormed(validateTemplateShape, input, 'template');
    const language = languageOf(template.locale);
    if (!locales.has(language)) {
      throw new InputError('template', [{ path: '/locale', message: `language "${language}" is not supported (supported: ${languages.join(', ')})` }]);
    }
    const unknownSuppressions = (template.suppress ?? []).flatMap((entry, index) =>
      Object.hasOwn(rules, entry.rule) ? [] : [{ path: `/suppress/${index}/rule`, message: `"${entry.rule}" is not a rule of smslint` }],
    );
    if (unknownSuppressions.length > 0) throw new InputError('template', unknownSuppressions);
    if (template.variables) variablesInfo(template.variables);
    return template;
  }

  function lint(input: unknown): LintResult {
    const template = validate(input);
    const context = new LintContext(template, locales.get(languageOf(template.locale))!, config);
    for (const rule of active[template.category]) context.run(rule);
    const findings = context.findings;
    for (const { rule, reason } of template.suppress ?? []) {
      for (const finding of findings) {
        if (finding.ruleId === rule) {
          finding.suppressed = true;
          finding.suppressionReason = reason;
        }
      }
    }
    if (findings.length > 1) findings.sort(byPosition);
    const { encoding, segments, parts } = context.measurement();
    const result: LintResult = {
      id: template.id ?? null,
      // Severity and suppression are per rule, so the kept findings decide as all would.
      passed: !findings.some((finding) => finding.severity === 'error' && !finding.suppressed),
      findings,
      encoding,
      segments,
      ...(parts && { parts }),
    };
    if (Object.keys(context.omitted).length > 0) result.omitted = context.omitted;
    return result;
  }

  /** What the learned decisions read of a template: the same input as linting gives them. */
  function featureInput(input: unknown) {
    const template = validate(input);
    return { template, text: normaliseText(analyseText(template.body)), locale: locales.get(languageOf(template.locale))!, category: template.category, config };
  }

  return {
    lint,
    validate,
    toneFeatures: (input) => namedToneFeatures(featureInput(input)),
    spamFeatures: (input) => namedSpamFeatures(featureInput(input)),
    rules,
    languages,
    config,
    version: ENGINE_VERSION,
  };
}

interface ActiveRule {
  rule: Rule;
  severity: Severity;
  options: Record<string, unknown>;
}

/** The rules a config turns on for a category, with their severity. */
function activeRules(rules: Record<string, Rule>, config: ResolvedConfig, category: Category): ActiveRule[] {
  return Object.values(rules).flatMap((rule) => {
    const { setting, options } = config.rules[rule.meta.id] ?? { setting: 'default', options: {} };
    const severity = setting === 'default' ? defaultSeverityOf(rule, category) : setting === 'off' ? 'off' : setting === 'error' ? 'error' : 'warning';
    return severity === 'off' ? [] : [{ rule, severity, options }];
  });
}

function defaultSeverityOf(rule: Rule, category: Category): Severity | 'off' {
  const severity = rule.meta.defaultSeverity;
  return typeof severity === 'string' ? severity : severity[category];
}

/**
 * What the rules see of one lint. Analyses shared by several rules (the normalised text, the
 * discourse, the tone decisions, the measurement) are made on first request and kept for
 * this lint only. A rule that reads words sees the normalised text and its reports are
 * mapped back to the body; an `asWritten` rule sees the body itself.
 */
class LintContext implements RuleContext {
  readonly category: Category;
  readonly language: string;
  readonly original: TextAnalysis;
  options: Record<string, unknown> = {};
  readonly findings: Finding[] = [];
  /** Findings past `MAX_FINDINGS_PER_RULE`, counted by rule, never made. */
  readonly omitted: Record<string, number> = {};
  private reported: Record<string, number> = {};
  private current: ActiveRule | undefined;
  private normalisedMade: NormalisedText | undefined;
  private discourseMade: Discourse | undefined;
  private toneMade: ToneDecisions | undefined;
  private measurementMade: Measurement | undefined;

  constructor(
    readonly template: Template,
    readonly locale: LocaleData,
    readonly config: ResolvedConfig,
  ) {
    this.category = template.category;
    this.language = locale.language;
    this.original = analyseText(template.body);
  }

  get text(): TextAnalysis {
    return this.current?.rule.meta.asWritten ? this.original : this.normalised();
  }

  get body(): string {
    return this.text.body;
  }

  run(active: ActiveRule): void {
    this.current = active;
    this.options = active.options;
    active.rule.check(this);
  }

  private normalised(): NormalisedText {
    this.normalisedMade ??= normaliseText(this.original);
    return this.normalisedMade;
  }

  discourse(): Discourse {
    this.discourseMade ??= discourseOf({ template: this.template, text: this.normalised(), locale: this.locale, category: this.category, config: this.config });
    return this.discourseMade;
  }

  tone(): ToneDecisions {
    this.toneMade ??= decideTone(this.discourse(), this.normalised().masked, this.category, this.locale);
    return this.toneMade;
  }

  measurement(): Measurement {
    this.measurementMade ??= measure(this.original, this.template, this.config);
    return this.measurementMade;
  }

  /** A property, not a method: rules may destructure it from the context. */
  readonly report = (report: Report): void => {
    const { rule, severity } = this.current!;
    const ruleId = rule.meta.id;
    this.reported[ruleId] = (this.reported[ruleId] ?? 0) + 1;
    if (this.reported[ruleId] > MAX_FINDINGS_PER_RULE) {
      this.omitted[ruleId] = this.reported[ruleId] - MAX_FINDINGS_PER_RULE;
      return;
    }
    const messages = this.locale.messages[ruleId];
    const text = messages?.[report.messageId];
    if (text === undefined) throw new Error(`rule ${ruleId} has no message "${report.messageId}" in ${this.language}`);
    const toBody = rule.meta.asWritten ? undefined : this.normalised().toOriginal;
    const { start, end } = toBody ? toBody(report.start, report.end) : report;
    const finding: Finding = { ruleId, severity, message: formatMessage(text, report.data, this.language), start, end };
    const suggestion = report.suggestion ?? (report.suggestionId ? messages[report.suggestionId] : undefined);
    if (suggestion !== undefined) finding.suggestion = formatMessage(suggestion, report.data, this.language);
    if (report.fix !== undefined) finding.fix = toBody ? { ...report.fix, ...toBody(report.fix.start, report.fix.end) } : report.fix;
    if (report.confidence !== undefined) finding.confidence = report.confidence;
    if (report.cues !== undefined) finding.cues = report.cues;
    this.findings.push(finding);
  };
}

function byPosition(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

function isResolved(config: Config | ResolvedConfig | undefined): config is ResolvedConfig {
  return config !== undefined && (config as ResolvedConfig).allowedCapitals instanceof Set;
}

function languageOf(locale: string): string {
  const dash = locale.indexOf('-');
  return dash < 0 ? locale : locale.slice(0, dash);
}

/** The models a team trained are checked when the linter is made, not at their first lint. */
function checkToneModel(locale: LocaleData): void {
  for (const [what, scorer] of [['tone model', scorerOf], ['spam model', spamScorerOf]] as const) {
    try {
      scorer(locale);
    } catch (error) {
      throw new InputError(what, [{ path: `/${locale.language}`, message: (error as Error).message }]);
    }
  }
}
