import type { Template } from './schemas/template';
import type { Config } from './schemas/config';
import type { TextAnalysis } from './text';
import type { LocaleData } from './locales';

export type { Template, Config };
export type Category = Template['category'];
export type Severity = 'error' | 'warning';
export type SeveritySetting = 'off' | 'warn' | 'error';
export type Encoding = 'GSM-7' | 'UCS-2';

/**
 * A replacement of `body.slice(start, end)` by `text` (UTF-16 offsets, end exclusive): what
 * `applyFixes`, the CLI's `--fix` and the playground's Apply do. A rule offers one only
 * when the new text means the same as the old.
 */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** One problem in a template body. `start`/`end` are UTF-16 offsets into `body`, end exclusive. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  suggestion?: string;
  /** An edit of the body that removes the problem without changing what the message says. */
  fix?: Edit;
  /** Present and true when a template's `suppress` entry accepted this finding on purpose. */
  suppressed?: true;
  suppressionReason?: string;
}

export interface LintResult {
  id: string | null;
  /** False when any finding that is not suppressed has severity `error`. */
  passed: boolean;
  findings: Finding[];
  encoding: Encoding;
  segments: number;
}

/** What a rule hands to `report`: texts are looked up by message id in the locale's data. */
export interface Report {
  start: number;
  end: number;
  messageId: string;
  data?: Record<string, string | number>;
  /** Message id of the suggestion, formatted with the same data. */
  suggestionId?: string;
  /** A suggestion computed by the rule, used as is (e.g. the text with replacements applied). */
  suggestion?: string;
  fix?: Edit;
}

export interface RuleMeta {
  id: string;
  defaultSeverity: Severity;
  docs: {
    description: string;
    /** Why the rule exists, for the README and SARIF help text. */
    rationale: string;
  };
  /** JSON Schema of the rule's options in the config, if it takes any. */
  optionsSchema?: Record<string, unknown>;
}

export interface RuleContext {
  readonly template: Template;
  readonly body: string;
  readonly category: Category;
  /** Language part of the locale: `fr` for `fr-FR`. */
  readonly language: string;
  readonly locale: LocaleData;
  readonly text: TextAnalysis;
  readonly config: ResolvedConfig;
  /** This rule's options from the config (empty object when none). */
  readonly options: Record<string, unknown>;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

export interface ResolvedConfig {
  rules: Record<string, { setting: SeveritySetting; options: Record<string, unknown> }>;
  /** Words that may be written in capitals (brand words, acronyms), upper-cased. */
  allowedCapitals: ReadonlySet<string>;
  segmentLimits: Record<Category, number>;
  /** Text the sending platform puts before every body (`{sender}` filled in), counted in segments. */
  senderPrefix?: string;
  defaultLocale: string;
  defaultCategory: Category;
}
