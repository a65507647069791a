import { builtInLocales } from '../../lib/engine';
import { listOf } from '../../lib/engine/rules/spam-likeness';

describe('the list of reasons', () => {
  // The locale's list patterns must say what Intl.ListFormat says, which the rule no longer loads (20 ms on a cold start).
  it.each(builtInLocales.flatMap((locale) => [1, 2, 3, 4].map((count) => [locale.language, count, locale] as const)))('%s, %i reason(s): as Intl.ListFormat joins them', (language, count, locale) => {
    const reasons = Object.values(locale.sms.spam.reasons).slice(0, count);
    expect(listOf(reasons, locale.sms.spam.reasonList)).toBe(new Intl.ListFormat(language, { type: 'conjunction' }).format(reasons));
  });
});
