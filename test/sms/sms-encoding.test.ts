import SmartEncodingMap from 'sms-segments-calculator/dist/libs/SmartEncodingMap';
import { applyFixes, lint, rules } from '../../lib/engine';
import { fitsGsm7 } from '../../lib/engine/sms/charset';
import replacements from '../../lib/engine/sms/replacements.json';
import { ruleTester } from '../support/rule-tester';

const onlyEncoding = Object.fromEntries(Object.keys(rules).map((id) => [id, id === 'sms-encoding' ? 'warn' : 'off'] as const));

ruleTester('sms-encoding', {
  valid: [
    { body: 'Your parcel arrives tomorrow between 9:00 and 12:00. Questions? Call 0800 123 456.' },
    { body: 'Price: 20€ [incl. VAT] {{ref}} ~ ^ | \\', variables: { type: 'object', properties: { ref: { type: 'string' } } } },
    { locale: 'fr', body: 'Votre colis arrive à 14h. Délai dépassé ? Appelez-nous : ÉÇàèéùìò ÄÖÑÜäöñü ¿¡ £$¥§' },
    // A placeholder is judged by its schema (in sms-segments), never by its name.
    { locale: 'fr', body: 'Bonjour {{ prénom }}, à bientôt'.replace('ô', 'o') },
  ],
  invalid: [
    {
      body: 'We’re on our way',
      errors: [{ messageId: 'replaceable', start: 2, end: 3, message: '"’" is not in the GSM-7 alphabet', suggestion: 'Write "\'" instead.' }],
      output: "We're on our way",
    },
    {
      body: 'Sale – today… only',
      errors: [
        { messageId: 'replaceable', start: 5, end: 6, suggestion: 'Write "-" instead.' },
        { messageId: 'replaceable', start: 12, end: 13, suggestion: 'Write "..." instead.' },
      ],
      output: 'Sale - today... only',
    },
    { body: 'Total:\u00a0£12', errors: [{ messageId: 'replaceable', start: 6, end: 7, suggestion: 'Write " " instead.' }], output: 'Total: £12' },
    // A double quote is quoted with single quotes: never `Write """ instead.`
    {
      body: 'Your “order” is here',
      errors: [
        { messageId: 'replaceable', start: 5, end: 6, message: '"“" is not in the GSM-7 alphabet', suggestion: `Write '"' instead.` },
        { messageId: 'replaceable', start: 11, end: 12, suggestion: `Write '"' instead.` },
      ],
      output: 'Your "order" is here',
    },
    {
      body: 'Call ＋44\u2060 now',
      errors: [
        { messageId: 'replaceable', start: 5, end: 6, suggestion: 'Write "+" instead.' },
        { messageId: 'replaceable', start: 8, end: 9, message: '"U+2060" is not', suggestion: 'Write "" instead.' },
      ],
      output: 'Call +44 now',
    },
    { body: 'Thanks 😀😀 see you', errors: [{ messageId: 'other', start: 7, end: 11, message: '"😀😀" is not', suggestion: 'Remove it or say it in words.' }] },
    { body: 'Welcome to Tеlvo', errors: [{ messageId: 'other', start: 12, end: 13, suggestion: 'Remove it or say it in words.' }] },
    {
      locale: 'fr',
      body: 'Votre « fenêtre » est prête',
      errors: [
        { messageId: 'replaceable', start: 6, end: 7, message: '« « » n\'est pas dans l\'alphabet GSM-7', suggestion: 'Écrivez « " » à la place.' },
        {
          messageId: 'accented',
          start: 11,
          end: 12,
          message: 'Ne supprimez pas l\'accent',
          suggestion: 'Gardez-le si le message tient quand même ; sinon reformulez avec des mots qui n\'en ont pas besoin.',
        },
        { messageId: 'replaceable', start: 16, end: 17, suggestion: 'Écrivez « " » à la place.' },
        { messageId: 'accented', start: 24, end: 25 },
      ],
      // The quotes are fixed, the accents never.
      output: 'Votre " fenêtre " est prête',
    },
    // One finding per run: an accented letter next to a quote is one run, reported as a letter.
    {
      locale: 'fr',
      body: 'Ça c’est ça',
      errors: [
        { messageId: 'replaceable', start: 4, end: 5 },
        { messageId: 'accented', start: 9, end: 10, message: 'Ne supprimez pas' },
      ],
      output: "Ça c'est ça",
    },
    {
      locale: 'fr',
      body: 'cœur «ç»',
      errors: [
        // œ is a Latin letter (a ligature): reported, never replaced.
        { messageId: 'accented', start: 1, end: 2 },
        { messageId: 'accented', start: 5, end: 8, message: 'Ne supprimez pas' },
      ],
    },
  ],
});

describe('the replacement table (lib/engine/sms/replacements.json)', () => {
  const { replacements: entries, leftOut, sources } = replacements;
  const charOf = (code: string) => String.fromCodePoint(parseInt(code.slice(2), 16));

  test('every stand-in is GSM-7 and keeps to its sources; no character is both replaced and left out', () => {
    const problems = Object.entries(entries).flatMap(([code, entry]) => [
      ...(fitsGsm7(charOf(code)) ? [`${code} is GSM-7 already`] : []),
      ...(fitsGsm7(entry.with) ? [] : [`${code}: "${entry.with}" is not GSM-7`]),
      ...entry.sources.filter((source) => !Object.hasOwn(sources, source)).map((source) => `${code}: unknown source ${source}`),
      ...(Object.hasOwn(leftOut, code) ? [`${code} is also left out`] : []),
    ]);
    expect(problems).toEqual([]);
    expect(Object.keys(entries).length).toBe(265);
    expect(Object.keys(leftOut).length).toBe(20);
  });

  test("has the breadth of Twilio's smart-encoding map: each of its characters is replaced or left out with a reason", () => {
    const twilio = Object.keys(SmartEncodingMap);
    expect(twilio.length).toBe(271);
    const code = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    expect(twilio.filter((char) => !Object.hasOwn(entries, code(char)) && !Object.hasOwn(leftOut, code(char)))).toEqual([]);
    // Where smslint writes another stand-in than Twilio, a note says why.
    const differing = twilio.filter((char) => entries[code(char) as keyof typeof entries]?.with !== undefined && entries[code(char) as keyof typeof entries].with !== SmartEncodingMap[char]);
    expect(differing.filter((char) => !('note' in entries[code(char) as keyof typeof entries])).map(code)).toEqual([]);
    expect(differing.length).toBe(22);
  });

  test("has GOV.UK Notify's replacements and invisible characters (sanitise_text.py, formatters.py)", () => {
    // REPLACEMENT_CHARACTERS, OBSCURE_ZERO_WIDTH_WHITESPACE and OBSCURE_FULL_WIDTH_WHITESPACE, as Notify lists them.
    const notify = '‑–—−…‘’“”‚„\u180e\u200b\u200c\u200d\u2060\ufeff\u2028\u2029\u00a0\u202f\tŁł';
    const code = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    expect([...notify].filter((char) => !Object.hasOwn(entries, code(char)) && !Object.hasOwn(leftOut, code(char)))).toEqual([]);
    expect([...notify].filter((char) => Object.hasOwn(leftOut, code(char)))).toEqual(['Ł', 'ł']);
  });
});

describe('fixes: the stand-ins applied, and only where every character of a run has one', () => {
  test.each([
    ['“Hello” – it’s here…', '"Hello" - it\'s here...'],
    ['ＴＥＬＶＯ：\u00a0ＯＫ', 'TELVO: OK'],
    // Twilio's map has the fullwidth capitals only: a run with a small one is left whole.
    ['Ｔｅｌｖｏ', 'Ｔｅｌｖｏ'],
    ['line\u2028break\u200b', 'line\nbreak'],
    ['here ÷ 2 ½', 'here / 2 1/2'],
    // An accented letter next to a quote is one run, reported as a letter: no fix.
    ['cœur «ç» c’est', 'cœur «ç» c\'est'],
    // A combining mark is never replaced: e + U+0302 reads ê.
    ['fe\u0302te', 'fe\u0302te'],
  ])('%j → %j', (body, output) => {
    const { findings } = lint({ locale: 'fr', category: 'transactional', body }, { rules: onlyEncoding });
    expect(applyFixes(body, findings).output).toBe(output);
  });
});
