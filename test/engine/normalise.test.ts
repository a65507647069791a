import { normaliseCluster, normaliseText } from '../../lib/engine/normalise';
import { analyseText } from '../../lib/engine/text';

describe('normaliseText: what the word rules read, and the way back to the body', () => {
  it('keeps an ASCII text as it is', () => {
    const text = analyseText('Pay {{amount}} now.');
    const normalised = normaliseText(text);
    expect(normalised.masked).toBe(text.masked);
    expect(normalised.toOriginal(4, 14)).toEqual({ start: 4, end: 14 });
  });

  it('drops invisibles, maps look-alikes and compatibility forms, and maps spans back', () => {
    // c ZWSP a(Cyrillic) r d, space, ﬁ ligature, soft hyphen, "ne", fullwidth Ｘ
    const body = 'c\u200b\u0430rd \ufb01\u00adne Ｘ';
    const normalised = normaliseText(analyseText(body));
    expect(normalised.body).toBe('card fine X');
    expect(normalised.toOriginal(0, 4)).toEqual({ start: 0, end: 5 });
    // "fi" from one ligature: a span inside it covers the whole ligature.
    expect(normalised.toOriginal(5, 6)).toEqual({ start: 6, end: 7 });
    expect(normalised.toOriginal(6, 9)).toEqual({ start: 6, end: 10 });
    expect(normalised.toOriginal(10, 11)).toEqual({ start: 11, end: 12 });
    // Zero-width spans: after a dropped character at a start, at the end of the text.
    expect(normalised.toOriginal(1, 1)).toEqual({ start: 2, end: 2 });
    expect(normalised.toOriginal(11, 11)).toEqual({ start: 12, end: 12 });
  });

  it('keeps placeholders as written and reads brace look-alikes as text, never as placeholders', () => {
    const body = 'Hi {{n\u0430me}}, ｛｛card number｝｝ c\u200bard';
    const normalised = normaliseText(analyseText(body));
    expect(normalised.body).toBe('Hi {{n\u0430me}}, {{card number}} card');
    expect(normalised.masked).toBe(`Hi ${'\ue000'.repeat(8)}, {{card number}} card`);
    expect(normalised.placeholders).toEqual([{ start: 3, end: 11, name: 'n\u0430me' }]);
    expect(normalised.strayBraces).toEqual([]);
    expect(normalised.toOriginal(29, 33)).toEqual({ start: 29, end: 34 });
  });

  it('composes a letter and its combining mark, as the word lists spell it', () => {
    expect(normaliseText(analyseText('coordonne\u0301es')).body).toBe('coordonnées');
    expect(normaliseCluster('\u0415')).toBe('E');
    // Ligatures French spells on purpose are not look-alikes.
    expect(normaliseCluster('œ')).toBe('œ');
  });
});
