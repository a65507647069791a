import { lint } from '../../lib/engine';
import { parseSimplePattern } from '../../lib/engine/sms/variables';
import { findingsOf, ruleTester } from '../support/rule-tester';

const a = (n: number) => 'a'.repeat(n);
const measureOf = (body: string, fields: Record<string, unknown> = {}, config = {}) => {
  const { encoding, segments } = lint({ locale: 'en', category: 'transactional', body, ...fields }, config);
  return { encoding, segments };
};

describe('segment count (lint result)', () => {
  test.each([
    ['GSM-7 single', a(160), 'GSM-7', 1],
    ['GSM-7 one over single', a(161), 'GSM-7', 2],
    ['GSM-7 two parts', a(306), 'GSM-7', 2],
    ['GSM-7 one over two parts', a(307), 'GSM-7', 3],
    ['extension characters count 2', '€'.repeat(80), 'GSM-7', 1],
    ['extension characters count 2, one over', `${'{'.repeat(80)}a`, 'GSM-7', 2],
    ['every extension character', `^{}\\[~]|€${a(142)}`, 'GSM-7', 1],
    ['every extension character, one over', `^{}\\[~]|€${a(143)}`, 'GSM-7', 2],
    ['UCS-2 single', `ç${a(69)}`, 'UCS-2', 1],
    ['UCS-2 one over single', `ç${a(70)}`, 'UCS-2', 2],
    ['UCS-2 two parts', `ç${a(133)}`, 'UCS-2', 2],
    ['UCS-2 one over two parts', `ç${a(134)}`, 'UCS-2', 3],
    ['emoji count 2 units', '😀'.repeat(35), 'UCS-2', 1],
    ['emoji count 2 units, one over', `${'😀'.repeat(35)}a`, 'UCS-2', 2],
    ['extension characters count 1 in UCS-2', `ç${'€'.repeat(69)}`, 'UCS-2', 1],
  ])('%s', (_name, body, encoding, segments) => {
    expect(measureOf(body)).toEqual({ encoding, segments });
  });

  test('the sender prefix counts first, with {sender} filled in', () => {
    const config = { senderPrefix: '{sender}: ' };
    expect(measureOf(a(153), { sender: 'Telvo' }, config)).toEqual({ encoding: 'GSM-7', segments: 1 });
    expect(measureOf(a(154), { sender: 'Telvo' }, config)).toEqual({ encoding: 'GSM-7', segments: 2 });
    expect(measureOf(a(154), { sender: 'Telvo' })).toEqual({ encoding: 'GSM-7', segments: 1 });
    expect(measureOf(a(66), { sender: 'Sécu' }, { senderPrefix: '{sender} – ' })).toEqual({ encoding: 'UCS-2', segments: 2 });
  });
});

describe('placeholders at worst', () => {
  test.each([
    ['free string: its maxLength, may be UCS-2', { type: 'string', maxLength: 20 }, 'UCS-2', 20],
    ['free string without maxLength: counted as written, may be UCS-2', { type: 'string' }, 'UCS-2', '{{name}}'.length],
    ['GSM-7 enum: longest value, exact septets', { enum: ['x', 'b{c'] }, 'GSM-7', 4],
    ['enum with a non-GSM-7 value', { enum: ['xyz', 'ç'] }, 'UCS-2', 3],
    ['const', { const: 'abcd' }, 'GSM-7', 4],
    ['integer with bounds', { type: 'integer', minimum: -5, maximum: 9999 }, 'GSM-7', 4],
    ['date format', { type: 'string', format: 'date', maxLength: 10 }, 'GSM-7', 10],
    ['simple pattern: its quantifier bounds the length', { type: 'string', pattern: '^[0-9]{6}$' }, 'GSM-7', 6],
    ['pattern and maxLength: the smaller bound', { type: 'string', pattern: '^[0-9]+$', maxLength: 9 }, 'GSM-7', 9],
    ['pattern with an extension character: 2 septets each', { type: 'string', pattern: '^[a-z€]{1,3}$' }, 'GSM-7', 6],
    ['pattern that is not a simple class', { type: 'string', pattern: '^(a|b)$', maxLength: 1 }, 'UCS-2', 1],
  ])('%s', (_name, variable, encoding, cost) => {
    const variables = { type: 'object', properties: { name: variable } };
    const text = 'Hi {{name}}.';
    const fixed = text.length - '{{name}}'.length;
    const room = (encoding === 'GSM-7' ? 160 : 70) - fixed - (cost as number);
    expect(measureOf(text + a(room), { variables })).toEqual({ encoding, segments: 1 });
    expect(measureOf(text + a(room + 1), { variables })).toEqual({ encoding, segments: 2 });
  });

  test('dotted names read nested properties', () => {
    const variables = { type: 'object', properties: { customer: { type: 'object', properties: { code: { type: 'string', pattern: '^[A-Z]{150}$' } } } } };
    expect(measureOf(`Hi {{ customer.code }}${a(7)}`, { variables })).toEqual({ encoding: 'GSM-7', segments: 1 });
    expect(measureOf(`Hi {{ customer.code }}${a(8)}`, { variables })).toEqual({ encoding: 'GSM-7', segments: 2 });
  });

  test('an undeclared placeholder counts as written, in GSM-7', () => {
    expect(measureOf(`{{x}}${a(155)}`)).toEqual({ encoding: 'GSM-7', segments: 1 });
    expect(measureOf(`{{x}}${a(156)}`)).toEqual({ encoding: 'GSM-7', segments: 2 });
  });

  describe('a value packs at its worst: a two-unit character it may hold lands on each part boundary', () => {
    const pattern = (p: string) => ({ type: 'object', properties: { v: { type: 'string', pattern: p } } });
    test.each([
      // 106 + 200 septets = 306 fit 2 parts only if nothing straddles; 100 × € can leave a septet empty at each boundary.
      ['GSM-7, extension characters allowed', `${a(106)}{{v}}`, pattern('^[a-z€]{1,100}$'), { encoding: 'GSM-7', segments: 3 }],
      ['GSM-7, no extension character', `${a(106)}{{v}}`, pattern('^[a-z]{1,200}$'), { encoding: 'GSM-7', segments: 2 }],
      // An enum whose longest values in septets and characters are not the same one.
      ['GSM-7, an enum value with an extension character', `${a(150)}{{v}}${a(150)}`, { type: 'object', properties: { v: { enum: ['abcd{', 'abcdef'] } } }, { encoding: 'GSM-7', segments: 3 }],
      ['GSM-7, an enum without', `${a(150)}{{v}}${a(150)}`, { type: 'object', properties: { v: { enum: ['abcde', 'abcdef'] } } }, { encoding: 'GSM-7', segments: 2 }],
      // 66 + 68 units = 134 = 2 × 67, but a value that may leave GSM-7 may hold emoji.
      ['UCS-2, a free string', `ç${a(65)}{{v}}`, { type: 'object', properties: { v: { type: 'string', maxLength: 68 } } }, { encoding: 'UCS-2', segments: 3 }],
      ['UCS-2, a GSM-7 value never holds a surrogate pair', `ç${a(65)}{{v}}`, pattern('^[a-z]{68}$'), { encoding: 'UCS-2', segments: 2 }],
    ])('%s', (_name, body, variables, expected) => {
      expect(measureOf(body, { variables })).toEqual(expected);
    });

    test('never below what a real value sends: 300 seeded enums, each value filled in', () => {
      let seed = 7;
      const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
      const word = () => Array.from({ length: 1 + Math.floor(random() * 8) }, () => 'ab{€|'[Math.floor(random() * 5)]).join('').replaceAll('{{', '{a{');
      let above = 0;
      for (let n = 0; n < 300; n++) {
        const values = Array.from({ length: 3 }, word);
        const body = `${a(140 + Math.floor(random() * 20))} {{v}} ${a(140 + Math.floor(random() * 20))}`;
        const worst = measureOf(body, { variables: { type: 'object', properties: { v: { enum: values } } } }).segments;
        const sent = Math.max(...values.map((value) => measureOf(body.replace('{{v}}', value)).segments));
        expect({ body, values, below: worst < sent }).toEqual({ body, values, below: false });
        if (worst > sent) above++;
      }
      // Where an enum value's extension character sits is not looked at: at worst it could sit on a
      // boundary, so a few count one part more than any value really sends. Never fewer.
      expect(above).toBe(5);
    });
  });

  test.each([
    ['^[0-9]{6}$', { maxLength: 6, extension: false }],
    ['^\\d+$', { maxLength: undefined, extension: false }],
    ['^[A-Z]{2}\\-?\\d{4,8}$', { maxLength: 11, extension: false }],
    ['^[a-z_.]*$', { maxLength: undefined, extension: false }],
    ['^[\\[\\]]?$', { maxLength: 1, extension: true }],
    ['^[^a]$', undefined],
    ['^[a-z]', undefined],
    ['^\\s+$', undefined],
    ['^.{3}$', undefined],
    ['^[ç]$', undefined],
    ['^[\\u0000-\\uffff]$', undefined],
  ])('simple pattern %s', (pattern, expected) => {
    expect(parseSimplePattern(pattern)).toEqual(expected);
  });
});

ruleTester('sms-segments', {
  valid: [
    { body: a(306) },
    { body: a(160), category: 'promotional' },
    { body: `Hi {{name}} ${a(100)}`, variables: { type: 'object', properties: { name: { type: 'string', maxLength: 30 } } } },
    { body: a(500), config: { segmentLimits: { transactional: 4 } } },
  ],
  invalid: [
    {
      body: a(307),
      errors: [
        {
          messageId: 'tooMany',
          start: 306,
          end: 307,
          message: 'At worst this message takes 3 SMS segments (307 characters in GSM-7), more than the limit of 2 for transactional messages',
          suggestion: "Shorten the text from here, or lower the variables' maxLength.",
        },
      ],
    },
    { body: a(161), category: 'promotional', errors: [{ messageId: 'tooMany', start: 160, end: 161, message: 'limit of 1 for promotional messages' }] },
    { body: `${a(150)}€€€€€€`, category: 'promotional', errors: [{ messageId: 'tooMany', start: 155, end: 156, message: '2 SMS segments (162 characters in GSM-7)' }] },
    { body: `ça ${a(68)}`, category: 'promotional', errors: [{ messageId: 'tooMany', start: 70, end: 71, message: '(71 characters in UCS-2)' }] },
    { body: a(200), config: { segmentLimits: { transactional: 1 } }, errors: [{ messageId: 'tooMany', start: 160, end: 200 }] },
    {
      body: `Hi {{name}}, your code is {{code}}. ${a(20)}`,
      category: 'promotional',
      variables: { type: 'object', properties: { name: { type: 'string', maxLength: 40 }, code: { type: 'string', pattern: '^[0-9]{6}$' } } },
      errors: [
        {
          messageId: 'tooMany',
          start: 40,
          end: 56,
          message:
            '2 SMS segments (86 characters in UCS-2), more than the limit of 1 for promotional messages: each segment is billed. Counted with {{name}}, {{code}} at their longest. {{name}} may hold characters outside GSM-7, which makes it UCS-2.',
        },
      ],
    },
    {
      locale: 'fr',
      body: `Bonjour {{nom}} ${a(160)}`,
      category: 'promotional',
      errors: [{ messageId: 'tooMany', start: 160, end: 176, message: '{{nom}} n\'a pas de maxLength déclaré' }],
    },
    // Cut from where part 3 starts: the escape pair that straddled pushed 1 septet there.
    { body: `${a(152)}[${a(152)}`, errors: [{ messageId: 'tooMany', start: 304, end: 305, message: '3 SMS segments (306 characters in GSM-7)' }] },
    { body: '😀'.repeat(67), errors: [{ messageId: 'tooMany', start: 132, end: 134, message: '3 SMS segments (134 characters in UCS-2)' }] },
    { body: '😀'.repeat(67), category: 'promotional', errors: [{ messageId: 'tooMany', start: 70, end: 134 }] },
    // A value that runs into part 3 is cut from its start.
    {
      body: `${a(106)} {{v}}.`,
      variables: { type: 'object', properties: { v: { type: 'string', pattern: '^[a-z€]{1,100}$' } } },
      errors: [{ messageId: 'tooMany', start: 107, end: 113, message: '3 SMS segments (308 characters in GSM-7)' }],
    },
    {
      body: `Hi ${a(151)}`,
      sender: 'Telvo',
      category: 'promotional',
      config: { senderPrefix: '{sender}: ' },
      errors: [{ messageId: 'tooMany', start: 153, end: 153 + 1 }],
    },
  ],
});

test('the rule and the lint result agree', () => {
  expect(findingsOf('sms-segments', { body: a(307) })[0].message).toContain('3 SMS segments');
  expect(measureOf(a(307)).segments).toBe(3);
});

describe('the suggestion names the variable that makes the message UCS-2, and the schema that proves it GSM-7', () => {
  const segmentsFinding = (template: Record<string, unknown>, limit: number) =>
    lint({ category: 'transactional', ...template } as never, { segmentLimits: { transactional: limit } }).findings.find((finding) => finding.ruleId === 'sms-segments');
  const delivery =
    'Telvo: your parcel {{ref}} will be delivered on {{delivery_date}} between 9am and 1pm. If you are not home, we will leave it at the depot on Main Street, open until 6pm. Track it at telvo.uk.';
  const properties = { ref: { type: 'string', pattern: '^[0-9]{8}$' }, delivery_date: { type: 'string', maxLength: 20 } };

  it('declares {{delivery_date}} as a date when that brings the count within the limit', () => {
    const finding = segmentsFinding({ locale: 'en', body: delivery, variables: { type: 'object', properties } }, 2);
    expect(finding?.suggestion).toBe(
      'Declare {{delivery_date}} as a date ({"type":"string","pattern":"^[0-9A-Za-z ,./-]+$","maxLength":20}): values proven GSM-7 bring the message to 2 segments.',
    );
    // The schema it offers does what it says: declared so, the message fits.
    const declared = { ...properties, delivery_date: { type: 'string', pattern: '^[0-9A-Za-z ,./-]+$', maxLength: 20 } };
    expect(segmentsFinding({ locale: 'en', body: delivery, variables: { type: 'object', properties: declared } }, 2)).toBeUndefined();
  });

  it('reads the kind from a French name, in camel case', () => {
    const body = `Telvo : {{montantTotal}} à régler. ${a(60)}`;
    const finding = segmentsFinding({ locale: 'fr', body, variables: { type: 'object', properties: { montantTotal: { type: 'string', maxLength: 12 } } } }, 1);
    expect(finding?.suggestion).toBe(
      'Déclarez {{montantTotal}} comme un montant ({"type":"string","pattern":"^[0-9 .,€£$]+$","maxLength":12}) : des valeurs prouvées GSM-7 ramènent le message à 1 segment.',
    );
  });

  it.each([
    ['the name says nothing of the kind', { greeting: { type: 'string', maxLength: 20 } }, 'Hi {{greeting}}'],
    ['even GSM-7 the message is too long', { delivery_date: { type: 'string', maxLength: 20 } }, `Due {{delivery_date}}. ${a(200)}`],
  ])('keeps "shorten" when %s', (_case, variableProperties, body) => {
    const finding = segmentsFinding({ locale: 'en', body: `${body} ${a(60)}`, variables: { type: 'object', properties: variableProperties } }, 1);
    expect(finding?.suggestion).toBe("Shorten the text from here, or lower the variables' maxLength.");
  });
});
