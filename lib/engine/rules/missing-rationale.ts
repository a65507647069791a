import { reportMissing, thresholdOptionsSchema } from '../core/tone';

const DEFAULT_THRESHOLD = 0.5;
import { defineRule } from '../types';

/** `missing-rationale`: the message asks the recipient to act but does not say why (spec: checks.md §2). */
export const missingRationale = defineRule({
  meta: {
    id: 'missing-rationale',
    defaultSeverity: 'error',
    docs: {
      description: 'Flags a call to action when the message gives neither a purpose nor the problem or event the action answers.',
      rationale:
        'A request without a reason ("Please call us") makes people guess, worry and call to ask why; a figure or a topic is not a reason.',
      url: 'https://github.com/smslint/smslint/blob/main/docs/rules/missing-rationale.md',
    },
    messages: ['missing', 'missingFix'],
    optionsSchema: thresholdOptionsSchema(DEFAULT_THRESHOLD),
  },
  check(ctx) {
    reportMissing(ctx, 'rationale', DEFAULT_THRESHOLD);
  },
});
