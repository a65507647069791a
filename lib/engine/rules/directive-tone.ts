import { countExclamations } from '../core/discourse';
import { describeCue, describeCues, missingRationale, requestSpan, thresholdOf, thresholdOptionsSchema } from '../core/tone';
import { defineRule } from '../types';

/** How sure the model must be before an error blocks a send (see `thresholdOptionsSchema`). */
const DEFAULT_THRESHOLD = 0.7;
/**
 * Capitals are a sign the spec names; where the dictionary could only read a word's first
 * letters, the model tells a name from shouting, so an even reading is enough, unless the
 * team asks for a lower threshold.
 */
const SHOUTING_THRESHOLD = 0.5;

/** P(request) the model needs before a finding points at a request the analysis did not find. */
const GUESSED_REQUEST_CONFIDENCE = 0.7;

/** `directive-tone`: the message commands instead of informing or inviting (spec: checks.md §1). */
export const directiveTone = defineRule({
  meta: {
    id: 'directive-tone',
    defaultSeverity: 'error',
    docs: {
      description:
        'Flags obligations, pressure words, alarm labels, shouting in capitals, repeated exclamation marks and orders given without a reason.',
      rationale:
        'An SMS that orders without explaining worries the recipient and drives needless calls: inform first, then invite, and say why.',
      url: 'https://github.com/smslint/smslint/blob/main/docs/rules/directive-tone.md',
    },
    messages: [
      'obligation', 'obligationFix', 'pressure', 'pressureFix', 'alarm', 'alarmFix', 'shouting', 'shoutingFix',
      'exclamations', 'exclamationsFix', 'bareOrder', 'bareOrderFix', 'reads', 'readsFix',
    ],
    optionsSchema: thresholdOptionsSchema(DEFAULT_THRESHOLD),
  },
  check(ctx) {
    const tone = ctx.tone();
    const discourse = ctx.discourse();
    const threshold = thresholdOf(ctx.options, DEFAULT_THRESHOLD);
    const orders = discourse.requests.filter((cta) => cta.kind !== 'question' && !cta.conditional && !cta.optional);
    // Spec §1.4: an order with no reason is directive, whatever else the message does.
    const bare = orders.length > 0 ? missingRationale(tone) : 0;
    const confidence = Math.max(tone.directive, bare);
    // Explaining costs a second pass over the features: only for a message that fires.
    let cues: string[] | undefined;
    const learned = () => ({ confidence, cues: (cues ??= describeCues(tone.explain('directive', true), ctx.body)) });
    let reported = 0;
    for (const trigger of discourse.triggers) {
      // Spec §1 fires on any of its named signs; only capitals may need the model's judgement
      // (a brand or an acronym is not shouting): a word the dictionary read whole ("NEVER")
      // does not, a longer one it read only the start of ("ADVANCIA") does.
      if (trigger.kind === 'shouting' && !trigger.spelled && confidence < Math.min(threshold, SHOUTING_THRESHOLD)) continue;
      const text = ctx.body.slice(trigger.start, trigger.end);
      const data: Record<string, string | number> = { text };
      if (trigger.kind === 'exclamations') data.count = countExclamations(ctx.body, trigger);
      if (trigger.kind === 'shouting') data.lower = text.toLocaleLowerCase(ctx.language);
      // The sign itself decided (spec §1): it leads the cues, before what the model weighed.
      const sign = describeCue(`c=trigger.${trigger.kind}`, trigger, ctx.body);
      const reading = learned();
      ctx.report({ start: trigger.start, end: trigger.end, messageId: trigger.kind, data, suggestionId: `${trigger.kind}Fix`, ...reading, cues: [sign, ...reading.cues.filter((cue) => cue !== sign)] });
      reported++;
    }
    if (confidence < threshold) return;
    // An order is bare when the message gives it no reason: the learned decision says so.
    if (bare >= 0.5) {
      for (const order of orders) {
        const text = ctx.body.slice(order.start, order.end);
        ctx.report({ start: order.start, end: order.end, messageId: 'bareOrder', data: { text }, suggestionId: 'bareOrderFix', ...learned() });
        reported++;
      }
    }
    if (reported > 0) return;
    // The model reads the message as directive in a form the analysis has no name for; where
    // the analysis found no request either, the model must be surer there is one, as the
    // finding points at a clause it guessed.
    if (!discourse.mainCta && tone.cta < GUESSED_REQUEST_CONFIDENCE) return;
    const span = requestSpan(discourse, tone);
    if (!span) return;
    ctx.report({ ...span, messageId: 'reads', data: { text: ctx.body.slice(span.start, span.end) }, suggestionId: 'readsFix', ...learned() });
  },
});
