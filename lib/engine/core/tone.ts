import type { LocaleData } from '../locales';
import { hashName } from '../model/hash';
import { scorerFor, sigmoid, type Contribution, type LinearScorer } from '../model/linear';
import type { Category, RuleContext } from '../types';
import { discourseOf, type Discourse, type DiscourseInput, type Span } from './discourse';
import { namedFeatures, toneFeatures } from './features';
import { bisect } from './lexicon';

/** The outputs of a tone model, in the order of its weight rows. */
export const TONE_OUTPUTS = ['cta', 'rationale', 'consequence', 'directive'] as const;
export type ToneOutput = (typeof TONE_OUTPUTS)[number];

/**
 * The bare-order reading (an order, P(request) × P(no reason)) as a feature of the
 * directive decision: spec §1.4 makes a bare order directive, and the reason model reads
 * "no reason" better than any single cue.
 */
export const BARE_ORDER_FEATURE = 'stack=bareOrder';

/**
 * The learned reading of one template: how likely it asks for something, explains it,
 * says what happens next, and reads as directive. The rules compare these to their
 * thresholds; spans still come from the analysis.
 */
export interface ToneDecisions {
  /** P(the message asks the recipient to act). */
  cta: number;
  /** P(a reason is given), given a request. */
  rationale: number;
  /** P(what happens next is said), given a request. */
  consequence: number;
  directive: number;
  /**
   * The features that pushed `output` most towards `towards` (true: firing), strongest first;
   * with `onWords`, only those that stand on words of the text.
   */
  explain(output: ToneOutput, towards: boolean, count?: number, onWords?: boolean): Contribution[];
}

const bareOrderHash = hashName(BARE_ORDER_FEATURE);

/** The locale's tone model, built once from its data; undefined when the locale ships none. Throws on a malformed model. */
export function scorerOf(locale: LocaleData): LinearScorer | undefined {
  // Only undefined means none: anything else given (a team's file holding `null`) is read, and refused.
  return locale.toneModel === undefined ? undefined : scorerFor(locale.toneModel, 'tone', TONE_OUTPUTS, locale.language);
}

/**
 * The decisions for one template. Without a model for its language, the analysis decides
 * alone (each probability is 0 or 1), so a language added as data works before it is trained.
 */
export function decideTone(discourse: Discourse, masked: string, category: Category, locale: LocaleData): ToneDecisions {
  const scorer = scorerOf(locale);
  if (!scorer) return ruleDecisions(discourse);
  const explain = scorer.read((sink) => toneFeatures(discourse, masked, category, sink));
  const model = scorer.model;
  const logits = scorer.logits;
  const [cta, rationale, consequence] = [sigmoid(logits[0]), sigmoid(logits[1]), sigmoid(logits[2])];
  const bareRow = model.rowOf(bareOrderHash);
  const hasOrder = discourse.requests.some((request) => request.kind !== 'question' && !request.conditional && !request.optional);
  const bare = bareRow >= 0 && hasOrder ? cta * (1 - rationale) : 0;
  const directive = sigmoid(logits[3] + bare * model.weight(bareRow, 3));
  return {
    cta,
    rationale,
    consequence,
    directive,
    explain: (output, towards, count = 3, onWords = false) => explain(model.output(output), towards ? 1 : -1, count, onWords),
  };
}

function ruleDecisions(discourse: Discourse): ToneDecisions {
  const has = (name: string) => discourse.cues.some((cue) => cue.name === name);
  const probability = (yes: boolean) => (yes ? 1 : 0);
  return {
    cta: probability(discourse.ctas.length > 0),
    rationale: probability(has('rule.rationale')),
    consequence: probability(has('rule.consequence')),
    directive: probability(has('rule.directive')),
    explain: () => [],
  };
}

/**
 * The options schema of a tone rule: its decision threshold, `defaultThreshold` when unset.
 * An error blocks a send, so a rule should be sure: directive-tone's default is where its
 * cross-validated F1 peaked (0.7: fewer false alarms at nearly the same recall), the
 * others' stay at 0.5, where theirs did.
 */
export function thresholdOptionsSchema(defaultThreshold: number) {
  return {
    type: 'object',
    additionalProperties: false,
    properties: {
      threshold: {
        type: 'number',
        minimum: 0,
        maximum: 1,
        description: `How sure the model must be before the rule fires (default ${defaultThreshold}): higher means fewer false alarms and more misses.`,
      },
    },
  } as const;
}

export function thresholdOf(options: Record<string, unknown>, defaultThreshold: number): number {
  return typeof options.threshold === 'number' ? options.threshold : defaultThreshold;
}

/** P(the message asks something and says no reason): what a bare order needs (`reportMissing` reads the same for `missing-rationale`). */
export function missingRationale(tone: ToneDecisions): number {
  return tone.cta * (1 - tone.rationale);
}


/**
 * The check of `missing-rationale` and `missing-consequence`: a request the model reads as
 * lacking `output` (a reason, a next step), reported on the request's span with its cues.
 */
export function reportMissing(ctx: RuleContext<'missing' | 'missingFix'>, output: 'rationale' | 'consequence', defaultThreshold: number): void {
  const tone = ctx.tone();
  const confidence = tone.cta * (1 - tone[output]);
  if (confidence < thresholdOf(ctx.options, defaultThreshold)) return;
  const request = requestSpan(ctx.discourse(), tone);
  if (!request) return;
  const cues = describeCues([...tone.explain('cta', true, 2), ...tone.explain(output, false, 2)], ctx.body);
  ctx.report({ ...request, messageId: 'missing', data: { text: ctx.body.slice(request.start, request.end) }, suggestionId: 'missingFix', confidence, cues });
}

/** The cues of a finding, as the people who read it can check them: the feature and the words it stands on. */
export function describeCues(contributions: readonly Contribution[], body: string): string[] {
  return contributions.map(({ name, start, end }) => describeCue(name, { start, end }, body));
}

/** One cue as a finding names it: the feature, and the words it stands on when it stands on any. */
export function describeCue(name: string, { start, end }: Span, body: string): string {
  return end > start ? `${name} “${body.slice(start, end)}”` : name;
}

/**
 * The request a finding is about: the main one the analysis found, else the clause holding
 * the words that most made the model read a request (the analysis missed its form). When
 * those words stand in a help line, an opt-out or protective advice, there is none: the spec
 * says those ask nothing, however much "call" or "please" weigh.
 */
export function requestSpan(discourse: Discourse, tone: ToneDecisions): Span | undefined {
  if (discourse.mainCta) return discourse.mainCta;
  const [strongest] = tone.explain('cta', true, 1, true);
  if (!strongest || discourse.asksNothing(strongest)) return undefined;
  for (const sentence of discourse.sentences) {
    for (const clause of sentence.clauses) if (clause.start <= strongest.start && strongest.start < clause.end) return wordsOf(discourse, clause);
  }
  return strongest;
}

/** `span` from its first word to its last: a clause may open on a quote mark or a dash. */
function wordsOf({ index }: Discourse, span: Span): Span {
  const first = bisect(index.starts.length, (k) => index.starts[k] < span.start);
  const last = bisect(index.ends.length, (k) => index.ends[k] <= span.end) - 1;
  return first <= last ? { start: index.starts[first], end: index.ends[last] } : span;
}

/**
 * The named features of a template's tone decisions, for training a model: the same
 * features, by the same code, that linting hashes.
 */
export function namedToneFeatures(input: DiscourseInput): Map<string, number> {
  return namedFeatures((sink) => toneFeatures(discourseOf(input), input.text.masked, input.category, sink));
}
