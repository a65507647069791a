import type { Template } from './schemas/template';
import type { Config } from './schemas/config';
import type { TextAnalysis } from './text';
import type { LocaleData } from './locales';
import type { Discourse } from './core/discourse';
import type { ToneDecisions } from './core/tone';
import type { Measurement } from './sms/segments';

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
  /** For a learned decision: how sure the model is that the problem is there (0-1). */
  confidence?: number;
  /** For a learned decision: the cues that weighed most, strongest first. */
  cues?: string[];
  /** Present and true when a template's `suppress` entry accepted this finding on purpose. */
  suppressed?: true;
  suppressionReason?: string;
}

export interface LintResult {
  id: string | null;
  /** False when any finding that is not suppressed has severity `error`. */
  passed: boolean;
  findings: Finding[];
  /**
   * Per rule, how many findings were left out past the first `MAX_FINDINGS_PER_RULE` (100):
   * present only when some were, so that no body can make a result too large to answer.
   */
  omitted?: Record<string, number>;
  encoding: Encoding;
  segments: number;
}

/** What a rule hands to `report`: texts are looked up by message id in the locale's data. */
export interface Report<MessageId extends string = string> {
  start: number;
  end: number;
  messageId: MessageId;
  data?: Record<string, string | number>;
  /** Message id of the suggestion, formatted with the same data. */
  suggestionId?: MessageId;
  /** A suggestion computed by the rule, used as is (e.g. the text with replacements applied). */
  suggestion?: string;
  fix?: Edit;
  /** For a learned decision: how sure the model is (0-1) and the cues that weighed most. */
  confidence?: number;
  cues?: string[];
}

/** A severity for every category, or per category (`off` where the rule does not apply). */
export type DefaultSeverity = Severity | Record<Category, Severity | 'off'>;

export interface RuleMeta<MessageId extends string = string> {
  id: string;
  defaultSeverity: DefaultSeverity;
  docs: {
    description: string;
    /** Why the rule exists, for the README and SARIF help text. */
    rationale: string;
    /** Its page: `docs/rules/<id>.md`, generated from this meta. */
    url: string;
  };
  /** True when some of its findings carry a `fix` that keeps the meaning. */
  fixable?: boolean;
  /** Every message id it reports; each locale's data has a text for each (a test checks). */
  messages: readonly MessageId[];
  /** JSON Schema of the rule's options in the config, if it takes any. */
  optionsSchema?: Record<string, unknown>;
  /**
   * True for a rule about the characters as they are sent (encoding, length, placeholders,
   * hidden or look-alike characters): its context holds the body as written. Every other
   * rule reads words, so its context holds the normalised text (NFKC, invisible characters
   * dropped, look-alike letters mapped), and the spans it reports are mapped back to the body.
   */
  asWritten?: true;
}

export interface RuleContext<MessageId extends string = string> {
  readonly template: Template;
  /** The text the rule reads: the body as written for an `asWritten` rule, else normalised (see `RuleMeta.asWritten`). */
  readonly body: string;
  readonly category: Category;
  /** Language part of the locale: `fr` for `fr-FR`. */
  readonly language: string;
  readonly locale: LocaleData;
  /** The analysis of `body`: its offsets are those of `body`. */
  readonly text: TextAnalysis;
  readonly config: ResolvedConfig;
  /** This rule's options from the config (empty object when none). */
  readonly options: Record<string, unknown>;
  /** The tone checks' reading of the normalised text: made on first call, then shared for this lint. */
  discourse(): Discourse;
  /** The learned tone decisions over that reading: made on first call, then shared. */
  tone(): ToneDecisions;
  /** Length, encoding and segments at worst: made on first call, then shared. */
  measurement(): Measurement;
  report(report: Report<MessageId>): void;
}

export interface Rule<MessageId extends string = string> {
  meta: RuleMeta<MessageId>;
  check(context: RuleContext<MessageId>): void;
}

/** Types a rule's message ids from its meta, so that `report` only takes declared ones. */
export function defineRule<const MessageId extends string>(rule: Rule<MessageId>): Rule<MessageId> {
  return rule;
}

export interface ResolvedConfig {
  rules: Record<string, { setting: SeveritySetting | 'default'; options: Record<string, unknown> }>;
  /** Words that may be written in capitals (brand words, acronyms), upper-cased. */
  allowedCapitals: ReadonlySet<string>;
  segmentLimits: Record<Category, number>;
  /** Text the sending platform puts before every body (`{sender}` filled in), counted in segments. */
  senderPrefix?: string;
  defaultLocale: string;
  defaultCategory: Category;
  /** Domains links in dispatch values may go to (subdomains included); empty: none. */
  allowedDomains: readonly string[];
}
