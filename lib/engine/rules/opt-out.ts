import { anyOf, perLocale } from '../sms/per-language';
import { defineRule } from '../types';

const optOutOf = perLocale((locale) => anyOf(locale.sms.optOut));

/** A promotional message without the opt-out instruction of its locale. */
export const optOut = defineRule({
  meta: {
    id: 'opt-out',
    defaultSeverity: 'error',
    docs: {
      description: 'A promotional template must carry an opt-out instruction for its locale ("Reply STOP", "STOP au 36xxx").',
      rationale:
        'Marketing SMS need a free opt-out: CNIL and the AF2M charter in France ("STOP au 36xxx"), the CTIA Messaging Principles in the United States (honour STOP). Transactional messages are exempt.',
      url: 'https://github.com/smslint/smslint/blob/main/docs/rules/opt-out.md',
    },
    messages: ['missing', 'addOptOut'],
  },
  check(ctx) {
    if (ctx.category !== 'promotional' || optOutOf(ctx.locale).test(ctx.text.masked)) return;
    // Zero-width at the end: where the instruction belongs.
    ctx.report({ start: ctx.body.length, end: ctx.body.length, messageId: 'missing', suggestionId: 'addOptOut' });
  },
});
