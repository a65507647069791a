import { HIDDEN } from '../normalise';
import { defineRule } from '../types';

const HIDDEN_RUN = new RegExp(`(?:${HIDDEN.source})+`, 'g');
const ZWJ = '\u200d';
/** A pictograph, with its optional emoji presentation selector or skin tone, before a joiner. */
const EMOJI_BEFORE = /\p{Extended_Pictographic}[\ufe0f\u{1f3fb}-\u{1f3ff}]?$/u;
const EMOJI_AFTER = /^\p{Extended_Pictographic}/u;

/** Characters nobody sees, which hide words from filters or reorder what is displayed. */
export const hiddenCharacters = defineRule({
  meta: {
    id: 'hidden-characters',
    defaultSeverity: 'error',
    docs: {
      description:
        'Invisible characters (zero-width spaces and joiners, soft hyphens, word joiners, byte-order marks, line and paragraph separators) and bidi controls (marks, embeddings, overrides, isolates) in the body. A joiner between two emoji (👩‍💻) is part of the emoji and is left alone.',
      rationale:
        'A reader cannot see them, so they can only serve to split a word from the filters that look for it ("c\u200bard number") or to show the text in another order than it is stored; a genuine message needs none.',
      url: 'https://github.com/smslint/smslint/blob/main/docs/rules/hidden-characters.md',
    },
    fixable: true,
    messages: ['hidden', 'removeThem'],
    asWritten: true,
  },
  check(ctx) {
    const body = ctx.body;
    // exec on the one global RegExp: matchAll would clone it each lint.
    HIDDEN_RUN.lastIndex = 0;
    for (let run = HIDDEN_RUN.exec(body); run !== null; run = HIDDEN_RUN.exec(body)) {
      const start = run.index;
      const end = start + run[0].length;
      if (run[0] === ZWJ && EMOJI_BEFORE.test(body.slice(Math.max(0, start - 4), start)) && EMOJI_AFTER.test(body.slice(end, end + 2))) continue;
      const codes = [...run[0]].map((char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
      ctx.report({ start, end, messageId: 'hidden', data: { codes }, suggestionId: 'removeThem', fix: { start, end, text: '' } });
    }
  },
});
