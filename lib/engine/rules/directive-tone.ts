import { countExclamations, discourseOf } from '../core/discourse';
import type { Rule } from '../types';

/** `directive-tone`: the message commands instead of informing or inviting (spec: checks.md §1). */
export const directiveTone: Rule = {
  meta: {
    id: 'directive-tone',
    defaultSeverity: 'error',
    docs: {
      description:
        'Flags obligations, pressure words, alarm labels, shouting in capitals, repeated exclamation marks and orders given without a reason.',
      rationale:
        'An SMS that orders without explaining worries the recipient and drives needless calls: inform first, then invite, and say why.',
    },
  },
  check(context) {
    const { triggers, bareOrders } = discourseOf(context);
    for (const trigger of triggers) {
      const text = context.body.slice(trigger.start, trigger.end);
      const data: Record<string, string | number> = { text };
      if (trigger.kind === 'exclamations') data.count = countExclamations(context.body, trigger);
      if (trigger.kind === 'shouting') data.lower = text.toLocaleLowerCase(context.language);
      context.report({ start: trigger.start, end: trigger.end, messageId: trigger.kind, data, suggestionId: `${trigger.kind}Fix` });
    }
    for (const order of bareOrders) {
      const text = context.body.slice(order.start, order.end);
      context.report({ start: order.start, end: order.end, messageId: 'bareOrder', data: { text }, suggestionId: 'bareOrderFix' });
    }
  },
};
