import { formatMessage } from '../locales';
import { capacity, offsetBeyond } from '../sms/segments';
import { defineRule } from '../types';

/** More segments at worst than the config allows for the template's category. */
export const smsSegments = defineRule({
  meta: {
    id: 'sms-segments',
    defaultSeverity: 'warning',
    docs: {
      description:
        'Counts SMS segments in the worst case (each placeholder at its maxLength, UCS-2 when a value may leave GSM-7, sender prefix included) against `segmentLimits`.',
      rationale:
        'Every segment is billed and long messages are read less; a placeholder can double the count once filled, and one non-GSM-7 value turns the whole message UCS-2.',
      url: 'https://github.com/smslint/smslint/blob/main/docs/rules/sms-segments.md',
    },
    messages: ['tooMany', 'shorten', 'transactional', 'promotional', 'boundedBy', 'ucs2By', 'unbounded'],
    asWritten: true,
  },
  check(ctx) {
    const limit = ctx.config.segmentLimits[ctx.category];
    const measurement = ctx.measurement();
    if (measurement.segments <= limit) return;
    const texts = ctx.locale.messages['sms-segments'];
    const part = (id: 'boundedBy' | 'ucs2By' | 'unbounded') =>
      measurement[id].length > 0
        ? formatMessage(texts[id], { names: measurement[id].map((name) => `{{${name}}}`).join(', '), count: measurement[id].length }, ctx.language)
        : '';
    ctx.report({
      start: offsetBeyond(ctx.text, ctx.template, measurement, capacity(measurement.encoding, limit)),
      end: ctx.body.length,
      messageId: 'tooMany',
      data: {
        segments: measurement.segments,
        length: measurement.length,
        encoding: measurement.encoding,
        limit,
        category: texts[ctx.category],
        details: part('boundedBy') + part('ucs2By') + part('unbounded'),
      },
      suggestionId: 'shorten',
    });
  },
});
