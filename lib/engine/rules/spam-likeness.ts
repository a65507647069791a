import { describeCues } from '../core/tone';
import type { LocaleData } from '../locales';
import { wordGroupOf } from '../spam/features';
import { readSpam } from '../spam/reading';
import { defineRule, type Category } from '../types';

/** Promotions score higher by nature (offers, prices, links): they need a surer model before a warning. */
export const DEFAULT_SPAM_THRESHOLDS: Record<Category, number> = { transactional: 0.3, promotional: 0.8 };

const probability = { type: 'number', minimum: 0, maximum: 1 } as const;

/** What a finding names, in a marketer's words (`sms.json` → `spam.reasons`). */
type Reason = keyof LocaleData['sms']['spam']['reasons'];

/** The reason a feature of the model stands for, by its name (see `spamFeatures`). */
function reasonOf(feature: string, locale: LocaleData): Reason {
  if (feature.startsWith('k=')) return feature.slice(2) as Reason;
  const group = wordGroupOf(locale, feature);
  if (group !== undefined) return group;
  if (feature === 'money=sign' || feature === 'pct') return 'money';
  if (/^c=(?:trigger\.pressure|pressure|finality)/.test(feature)) return 'urgency';
  if (feature.startsWith('c=trigger.alarm')) return 'threat';
  if (feature === 'link=shortener') return 'shortener';
  if (/^(?:link|tld|host)=|^link$/.test(feature)) return 'link';
  if (feature.startsWith('num=')) return 'number';
  if (/^(?:caps|!)=|^c=trigger\.(?:shouting|exclamations)/.test(feature)) return 'capitals';
  return 'wording';
}

/** Contributions read to name the reasons; the finding names at most `REASONS` of them. */
const EXPLAINED = 8;
const REASONS = 3;

/** `spam-likeness`: the template reads like the spam and smishing carriers filter, as a model learned from real messages judges. */
export const spamLikeness = defineRule({
  meta: {
    id: 'spam-likeness',
    defaultSeverity: 'warning',
    docs: {
      description:
        'Scores how much a template reads like spam or smishing (prizes, money, deadlines, account threats, unfamiliar or shortened links, numbers to text, capitals), with a model learned from public labelled SMS collections; English only until a team trains another language.',
      rationale:
        'Carriers filter application-to-person messages that look like spam, so a legitimate campaign that reads like one underperforms without anyone learning why; and messages that look like scams teach customers to trust scams.',
      url: 'https://github.com/smslint/smslint/blob/main/docs/rules/spam-likeness.md',
    },
    messages: ['reads', 'readsFix'],
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        threshold: {
          type: 'object',
          additionalProperties: false,
          properties: { transactional: probability, promotional: probability },
          description: `How sure the model must be before the rule fires, per category (default ${DEFAULT_SPAM_THRESHOLDS.transactional} transactional, ${DEFAULT_SPAM_THRESHOLDS.promotional} promotional): higher means fewer warnings and more misses.`,
        },
      },
    },
  },
  check(ctx) {
    const reading = readSpam(ctx.discourse(), ctx.text.masked, ctx.locale);
    if (!reading) return;
    const thresholds = ctx.options.threshold as Partial<Record<Category, number>> | undefined;
    if (reading.confidence < (thresholds?.[ctx.category] ?? DEFAULT_SPAM_THRESHOLDS[ctx.category])) return;
    const contributions = reading.explain(EXPLAINED).map((contribution) => ({ ...contribution, reason: reasonOf(contribution.name, ctx.locale) }));
    // What a marketer can act on first (a prize, a link, a deadline); wording in general last.
    const specific = contributions.filter(({ reason }) => reason !== 'wording');
    const reasons = [...new Set([...specific, ...contributions].map(({ reason }) => reason))].slice(0, REASONS);
    const texts = ctx.locale.sms.spam.reasons;
    const listed = listOf(
      (reasons.length > 0 ? reasons : ['wording' as const]).map((reason) => texts[reason]),
      ctx.locale.sms.spam.reasonList,
    );
    // The strongest such cue that stands somewhere in the text; the whole body when none does.
    const span = [...specific, ...contributions].find(({ start, end }) => end > start) ?? { start: 0, end: ctx.body.length };
    ctx.report({
      start: span.start,
      end: span.end,
      messageId: 'reads',
      data: { reasons: listed.charAt(0).toLocaleUpperCase(ctx.language) + listed.slice(1) },
      suggestionId: 'readsFix',
      confidence: reading.confidence,
      cues: describeCues(contributions.slice(0, REASONS), ctx.body),
    });
  },
});

/**
 * "A, B and C" with the language's list patterns (CLDR's: `pair` for two, else `start`,
 * `middle`s and `end`), from its data: `Intl.ListFormat` gave the same text but cost 20 ms on
 * its first use, most of a cold start's first lint when this rule fires.
 */
export function listOf(items: readonly string[], patterns: { pair: string; start: string; middle: string; end: string }): string {
  const fill = (pattern: string, first: string, second: string) => pattern.replace(/\{([01])\}/g, (_, slot: string) => (slot === '0' ? first : second));
  if (items.length <= 1) return items[0] ?? '';
  if (items.length === 2) return fill(patterns.pair, items[0], items[1]);
  let text = fill(patterns.end, items[items.length - 2], items[items.length - 1]);
  for (let k = items.length - 3; k > 0; k--) text = fill(patterns.middle, items[k], text);
  return fill(patterns.start, items[0], text);
}
