import { reportMissing, thresholdOptionsSchema } from '../core/tone';

const DEFAULT_THRESHOLD = 0.5;
import { defineRule } from '../types';

/** `missing-consequence`: a transactional request that does not say what happens next (spec: checks.md §3). */
export const missingConsequence = defineRule({
  meta: {
    id: 'missing-consequence',
    // The spec applies it to transactional messages only.
    defaultSeverity: { transactional: 'warning', promotional: 'off' },
    docs: {
      description:
        'Flags a call to action in a transactional message that says neither what happens if the recipient acts or does not, nor when no action is needed.',
      rationale: 'Without an outcome the recipient cannot tell whether acting matters, so they call to find out, or ignore a real problem.',
      url: 'https://github.com/smslint/smslint/blob/main/docs/rules/missing-consequence.md',
    },
    messages: ['missing', 'missingFix'],
    optionsSchema: thresholdOptionsSchema(DEFAULT_THRESHOLD),
  },
  check(ctx) {
    // A next step the analysis found stated is never missing (spec §3).
    if (ctx.discourse().consequence) return;
    reportMissing(ctx, 'consequence', DEFAULT_THRESHOLD);
  },
});
