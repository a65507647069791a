import type { Config } from './schemas/config';
import type { Category, ResolvedConfig, SeveritySetting } from './types';
import { rules as registry } from './rules';
import type { Rule } from './types';
import { runtimeAjv } from './runtime-ajv';
import { builtInRuleOptions, config as configValidator } from './schemas/validators.generated';
import { InputError, assertWellFormed, problemsOf, type InputProblem, type ValidateFunction } from './validate';

const validateConfigShape = configValidator as ValidateFunction<Config>;
/** A custom rule's options validator, compiled on first use and kept with the rule; the built-in rules' are generated. */
const optionValidators = new WeakMap<Rule, ValidateFunction<unknown>>();

function optionsValidatorOf(rule: Rule): ValidateFunction<unknown> | undefined {
  if (!rule.meta.optionsSchema) return undefined;
  if (registry[rule.meta.id] === rule) return builtInRuleOptions[rule.meta.id];
  let validate = optionValidators.get(rule);
  if (!validate) {
    validate = runtimeAjv().compile(rule.meta.optionsSchema);
    optionValidators.set(rule, validate);
  }
  return validate;
}


/** GOV.UK Notify and SNS both bill per segment: a reminder may take two, an advert one. */
const DEFAULT_SEGMENT_LIMITS: Record<Category, number> = { transactional: 2, promotional: 1 };

/**
 * Validates a config (the parsed `smslint.config.json`) and fills in defaults.
 * Throws an `InputError` whose problems name each bad field by JSON pointer.
 */
export function resolveConfig(config?: unknown, rules: Readonly<Record<string, Rule>> = registry): ResolvedConfig {
  const valid: Config = config === undefined ? {} : assertWellFormed(validateConfigShape, config, 'config');
  const problems: InputProblem[] = [];
  const ruleSettings: ResolvedConfig['rules'] = {};
  for (const id of Object.keys(rules)) ruleSettings[id] = { setting: 'default', options: {} };
  for (const [id, entry] of Object.entries(valid.rules ?? {})) {
    const path = `/rules/${id.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (!Object.hasOwn(rules, id)) {
      problems.push({ path, message: `is not a rule of smslint (rules: ${Object.keys(rules).join(', ')})` });
      continue;
    }
    const [setting, options = {}] = (Array.isArray(entry) ? entry : [entry]) as [SeveritySetting, Record<string, unknown>?];
    const validateOptions = optionsValidatorOf(rules[id]);
    if (validateOptions && !validateOptions(options)) {
      problems.push(...problemsOf(validateOptions.errors).map((p) => ({ path: `${path}/1${p.path}`, message: p.message })));
    } else if (!validateOptions && Object.keys(options).length > 0) {
      problems.push({ path: `${path}/1`, message: 'this rule takes no options' });
    }
    ruleSettings[id] = { setting, options };
  }
  if (problems.length > 0) throw new InputError('config', problems);
  return {
    rules: ruleSettings,
    allowedCapitals: new Set((valid.allowedCapitals ?? []).map((word) => word.toUpperCase())),
    segmentLimits: { ...DEFAULT_SEGMENT_LIMITS, ...valid.segmentLimits },
    senderPrefix: valid.senderPrefix ?? '',
    defaultLocale: valid.defaultLocale ?? 'en',
    defaultCategory: valid.defaultCategory ?? 'transactional',
    ...(valid.model === undefined ? {} : { model: valid.model }),
    allowedDomains: valid.allowedDomains ?? [],
  };
}
