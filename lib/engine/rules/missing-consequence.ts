import { discourseOf } from '../core/discourse';
import type { Rule } from '../types';

/** `missing-consequence`: a transactional request that does not say what happens next (spec: checks.md §3). */
export const missingConsequence: Rule = {
  meta: {
    id: 'missing-consequence',
    defaultSeverity: 'warning',
    docs: {
      description:
        'Flags a call to action in a transactional message that says neither what happens if the recipient acts or does not, nor when no action is needed.',
      rationale: 'Without an outcome the recipient cannot tell whether acting matters, so they call to find out, or ignore a real problem.',
    },
  },
  check(context) {
    if (context.category !== 'transactional') return;
    const { mainCta, consequence } = discourseOf(context);
    if (!mainCta || consequence) return;
    const text = context.body.slice(mainCta.start, mainCta.end);
    context.report({ start: mainCta.start, end: mainCta.end, messageId: 'missing', data: { text }, suggestionId: 'missingFix' });
  },
};
