import replacements from '../sms/replacements.json';
import { NON_GSM7_RUN, fitsGsm7 } from '../sms/charset';
import { defineRule } from '../types';

const REPLACEMENT = new Map(Object.entries(replacements).filter(([char]) => char !== '$comment'));
/** Characters nobody can see in a message: shown by code point (U+00A0). */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Z}]/gu;
/** A Latin letter (an accented one, since the rest are in GSM-7): spelling, never replaced. */
const LATIN_LETTER = /\p{Script=Latin}/u;

/** Characters that switch the whole message to UCS-2, one finding per run. */
export const smsEncoding = defineRule({
  meta: {
    id: 'sms-encoding',
    defaultSeverity: 'warning',
    docs: {
      description: 'Characters outside the GSM-7 alphabet, which send the whole message as UCS-2.',
      rationale:
        'One such character cuts a segment from 160 to 70 characters, so the same text costs two or three times as much. ' +
        'Typographic quotes and dashes have GSM-7 stand-ins; accented letters are only reported, never replaced, since dropping an accent misspells the word.',
      url: 'https://github.com/smslint/smslint/blob/main/docs/rules/sms-encoding.md',
    },
    messages: ['replaceable', 'replaceWith', 'accented', 'rephrase', 'other', 'removeIt'],
    asWritten: true,
  },
  check(ctx) {
    // Fast path: one regex test for the usual all-GSM-7 body; placeholders are masked out.
    if (fitsGsm7(ctx.text.masked)) return;
    for (const run of ctx.text.masked.matchAll(NON_GSM7_RUN)) {
      const chars = run[0];
      const start = run.index;
      const data = { chars: chars.replace(INVISIBLE, codePoint) };
      const standIns = [...chars].map((char) => REPLACEMENT.get(char));
      if (standIns.every((standIn) => standIn !== undefined)) {
        ctx.report({ start, end: start + chars.length, messageId: 'replaceable', data: { ...data, replacement: standIns.join('') }, suggestionId: 'replaceWith' });
      } else if (LATIN_LETTER.test(chars)) {
        ctx.report({ start, end: start + chars.length, messageId: 'accented', data, suggestionId: 'rephrase' });
      } else {
        ctx.report({ start, end: start + chars.length, messageId: 'other', data, suggestionId: 'removeIt' });
      }
    }
  },
});

function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
