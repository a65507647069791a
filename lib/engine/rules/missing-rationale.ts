import { discourseOf } from '../core/discourse';
import type { Rule } from '../types';

/** `missing-rationale`: the message asks the recipient to act but does not say why (spec: checks.md §2). */
export const missingRationale: Rule = {
  meta: {
    id: 'missing-rationale',
    defaultSeverity: 'error',
    docs: {
      description: 'Flags a call to action when the message gives neither a purpose nor the problem or event the action answers.',
      rationale:
        'A request without a reason ("Please call us") makes people guess, worry and call to ask why; a figure or a topic is not a reason.',
    },
  },
  check(context) {
    const { mainCta, rationale } = discourseOf(context);
    if (!mainCta || rationale) return;
    const text = context.body.slice(mainCta.start, mainCta.end);
    context.report({ start: mainCta.start, end: mainCta.end, messageId: 'missing', data: { text }, suggestionId: 'missingFix' });
  },
};
