import { discourseOf, type Discourse, type DiscourseInput } from '../core/discourse';
import { namedFeatures } from '../core/features';
import type { LocaleData } from '../locales';
import { scorerFor, sigmoid, type Contribution, type LinearScorer } from '../model/linear';
import { spamFeatures } from './features';

/** The one output of a spam model: P(the message reads like spam or smishing). */
export const SPAM_OUTPUTS = ['spam'] as const;

/** The locale's spam model, built once from its data; undefined when the locale ships none. Throws on a malformed model. */
export function spamScorerOf(locale: LocaleData): LinearScorer | undefined {
  return locale.spamModel === undefined ? undefined : scorerFor(locale.spamModel, 'spam', SPAM_OUTPUTS, locale.language);
}

/** How much one template reads like spam, and why. */
export interface SpamReading {
  /** P(spam or smishing). */
  confidence: number;
  /** The features that pushed towards spam most, strongest first. */
  explain(count: number): Contribution[];
}

/** The reading of one template; undefined when its language has no spam model (the rule then stays silent). */
export function readSpam(discourse: Discourse, masked: string, locale: LocaleData): SpamReading | undefined {
  const scorer = spamScorerOf(locale);
  if (!scorer) return undefined;
  const explain = scorer.read((sink) => spamFeatures(discourse, masked, locale, sink));
  return { confidence: sigmoid(scorer.logits[0]), explain: (count) => explain(0, 1, count) };
}

/** The named features of a template's spam reading, for training: the same features, by the same code, that linting hashes. */
export function namedSpamFeatures(input: DiscourseInput): Map<string, number> {
  return namedFeatures((sink) => spamFeatures(discourseOf(input), input.text.masked, input.locale, sink));
}
