import { SegmentedMessage } from 'sms-segments-calculator';
import { createLinter } from '../../lib/engine';
import type { LintResult } from '../../lib/engine';

/**
 * Parts as carriers cut them (3GPP TS 23.038 and TS 23.040), checked three ways: a table of
 * the cases at part boundaries, a reference packer written here from the spec (encode, cut,
 * back off: not the engine's code), and Twilio's calculator, on seeded random messages.
 */

/** No rule: the measurement is made for every lint, and this keeps thousands of lints fast. */
const linter = createLinter({ rules: [] });
const measured = (body: string): Pick<LintResult, 'encoding' | 'segments' | 'parts'> => {
  const { encoding, segments, parts } = linter.lint({ locale: 'en', category: 'transactional', body });
  return { encoding, segments, parts };
};
const unitsOf = (body: string) => measured(body).parts?.map((part) => part.units);

const a = (n: number) => 'a'.repeat(n);
const emoji = (n: number) => '😀'.repeat(n);

describe('parts at the boundaries', () => {
  test.each([
    // GSM-7: 160 septets alone, 153 a part once concatenated (the UDH takes 7).
    ['160 septets: one part', a(160), 'GSM-7', [160]],
    ['161 septets: 153 + 8', a(161), 'GSM-7', [153, 8]],
    ['306 septets: 153 + 153', a(306), 'GSM-7', [153, 153]],
    ['80 extension characters: 160 septets, one part', '€'.repeat(80), 'GSM-7', [160]],
    // An escape pair is never split: one at septets 153-154 goes whole to part 2.
    ['152 a, [, 152 a: 152 + 153 + 1', `${a(152)}[${a(152)}`, 'GSM-7', [152, 153, 1]],
    ['an extension character at 153 in 459 septets: 4 parts', `${a(152)}€${a(305)}`, 'GSM-7', [152, 153, 153, 1]],
    ['an extension character at 306 in 459 septets: 4 parts', `${a(305)}|${a(152)}`, 'GSM-7', [153, 152, 153, 1]],
    ['an extension character ending at 153: no straddle', `${a(151)}]${a(153)}`, 'GSM-7', [153, 153]],
    // UCS-2: 70 UTF-16 units alone, 67 a part; a surrogate pair is never split.
    ['70 units: one part', `ç${a(69)}`, 'UCS-2', [70]],
    ['71 units: 67 + 4', `ç${a(70)}`, 'UCS-2', [67, 4]],
    ['35 emoji: 70 units, one part', emoji(35), 'UCS-2', [70]],
    ['an emoji at 67 in 134 units: 3 parts', `ç${a(65)}😀${a(66)}`, 'UCS-2', [66, 67, 1]],
    ['an emoji at 134 in 201 units: 4 parts', `ç${a(132)}😀${a(66)}`, 'UCS-2', [67, 66, 67, 1]],
    ['33 emoji a part: 36 emoji are 2 parts', emoji(36), 'UCS-2', [66, 6]],
    ['67 emoji: 3 parts', emoji(67), 'UCS-2', [66, 66, 2]],
    ['100 emoji: 4 parts', emoji(100), 'UCS-2', [66, 66, 66, 2]],
    ['extension characters cost 1 unit in UCS-2', `ç${'€'.repeat(133)}`, 'UCS-2', [67, 67]],
  ])('%s', (_name, body, encoding, units) => {
    expect(measured(body)).toEqual({ encoding, segments: units.length, parts: expect.any(Array) });
    expect(unitsOf(body)).toEqual(units);
  });

  test('parts give body offsets, end exclusive, each part starting where the last ended', () => {
    expect(measured(`${a(152)}[${a(152)}`).parts).toEqual([
      { start: 0, end: 152, units: 152 },
      { start: 152, end: 304, units: 153 },
      { start: 304, end: 305, units: 1 },
    ]);
    expect(measured(emoji(67)).parts).toEqual([
      { start: 0, end: 66, units: 66 },
      { start: 66, end: 132, units: 66 },
      { start: 132, end: 134, units: 2 },
    ]);
    expect(measured('Hi').parts).toEqual([{ start: 0, end: 2, units: 2 }]);
  });

  test('the sender prefix is counted in the first part (offsets stay in the body)', () => {
    const prefixed = createLinter({ rules: [], config: { senderPrefix: '{sender}: ' } });
    const result = prefixed.lint({ locale: 'en', category: 'transactional', sender: 'Telvo', body: `${a(145)}[${a(10)}` });
    expect({ segments: result.segments, parts: result.parts }).toEqual({
      segments: 2,
      parts: [
        { start: 0, end: 145, units: 152 },
        { start: 145, end: 156, units: 12 },
      ],
    });
  });

  test('a body of more than 255 parts, more than one message can be sent as, has its count but no parts', () => {
    expect(measured(a(255 * 153))).toEqual({ encoding: 'GSM-7', segments: 255, parts: expect.any(Array) });
    expect(measured(a(255 * 153 + 1))).toEqual({ encoding: 'GSM-7', segments: 256, parts: undefined });
  });

  test('a body with placeholders has no parts: its worst case is a count, not a cut', () => {
    const result = linter.lint({
      locale: 'en',
      category: 'transactional',
      body: `Hi {{name}} ${a(150)}`,
      variables: { type: 'object', properties: { name: { type: 'string', pattern: '^[a-z]{1,10}$' } } },
    });
    expect({ encoding: result.encoding, segments: result.segments, parts: result.parts }).toEqual({ encoding: 'GSM-7', segments: 2, parts: undefined });
  });
});

// --- The reference: 3GPP TS 23.038 tables, encoded, then cut -------------------------------

/** TS 23.038 6.2.1, the default alphabet in code order (0x1B, the escape, left out). */
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** TS 23.038 6.2.1.1, the extension table: each is sent as ESC followed by its code. */
const GSM_EXTENSION = new Set('\f^{}\\[~]|€');
const ESC = -1;

interface Reference {
  encoding: 'GSM-7' | 'UCS-2';
  units: number[];
}

/**
 * Encodes the whole message to its septets (ESC as a septet of its own) or UTF-16 units, then
 * cuts it every 153 septets / 67 units; a cut that would leave an ESC or a high surrogate at
 * the end of a part moves back by one (TS 23.040 9.2.3.24: a character is never split).
 */
function reference(body: string): Reference {
  const chars = [...body];
  const gsm = chars.every((char) => GSM_BASIC.has(char) || GSM_EXTENSION.has(char));
  const stream: number[] = gsm
    ? chars.flatMap((char) => (GSM_EXTENSION.has(char) ? [ESC, char.charCodeAt(0)] : [char.charCodeAt(0)]))
    : Array.from({ length: body.length }, (_, i) => body.charCodeAt(i));
  const [single, part] = gsm ? [160, 153] : [70, 67];
  if (stream.length <= single) return { encoding: gsm ? 'GSM-7' : 'UCS-2', units: [stream.length] };
  const units: number[] = [];
  for (let from = 0; from < stream.length; ) {
    let to = Math.min(from + part, stream.length);
    const last = stream[to - 1];
    if (to < stream.length && (last === ESC || (!gsm && last >= 0xd800 && last <= 0xdbff))) to--;
    units.push(to - from);
    from = to;
  }
  return { encoding: gsm ? 'GSM-7' : 'UCS-2', units };
}

/** mulberry32: a small seeded PRNG, so the messages are the same on every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLAIN = 'abcdefghij klmnopqrstuvwxyz ABCDEFG 0123456789 .,;:!?-\'"@£$é';
// No form feed: GSM-7 has it as an extension character, but a template may not hold controls.
const EXTENSION = '^}\\[~]|€{';
const WIDE = ['ç', 'ê', 'ł', 'Ж', '中', '–', '’'];
const ASTRAL = ['😀', '👍', '🎉', '𝐀'];

/**
 * A message whose length lands just under or at a part boundary (5 units under to 1 over, for 1
 * to 4 full parts),
 * GSM-7 or UCS-2, rich in the characters that straddle: extension characters and emoji.
 */
function randomMessage(random: () => number): string {
  const pick = <T>(items: ArrayLike<T>) => items[Math.floor(random() * items.length)];
  const ucs2 = random() < 0.5;
  const boundaries = ucs2 ? [70, 134, 201, 268] : [160, 306, 459, 612];
  const target = pick(boundaries) + Math.floor(random() * 7) - 5;
  const extensionShare = random() * 0.5;
  const astralShare = random() * 0.9;
  let body = ucs2 ? pick(WIDE) : '';
  let units = ucs2 ? 1 : 0;
  while (units < target) {
    let char: string;
    if (ucs2 && random() < astralShare) char = pick(ASTRAL);
    else if (random() < extensionShare) char = pick(EXTENSION);
    else if (ucs2 && random() < 0.05) char = pick(WIDE);
    else char = pick(PLAIN);
    // `{{` or `}}` would read as a placeholder.
    if ((char === '{' || char === '}') && body.endsWith(char)) continue;
    body += char;
    units += ucs2 ? char.length : GSM_EXTENSION.has(char) ? 2 : 1;
  }
  return body;
}

const MESSAGES = 3000;
const messages = (() => {
  const random = prng(0x5e6a);
  return Array.from({ length: MESSAGES }, () => randomMessage(random));
})();

describe(`agreement on ${MESSAGES} seeded random messages near part boundaries`, () => {
  test('the reference packer reproduces the table (it is right before it judges)', () => {
    expect(reference(`${a(152)}[${a(152)}`)).toEqual({ encoding: 'GSM-7', units: [152, 153, 1] });
    expect(reference(emoji(67))).toEqual({ encoding: 'UCS-2', units: [66, 66, 2] });
    expect(reference(a(160))).toEqual({ encoding: 'GSM-7', units: [160] });
    expect(reference(`ê${a(133)}`)).toEqual({ encoding: 'UCS-2', units: [67, 67] });
  });

  test('the messages are varied: both encodings, straddles, and 1 to 5 parts', () => {
    const references = messages.map(reference);
    const counts = references.map((r) => r.units.length);
    expect(references.filter((r) => r.encoding === 'UCS-2').length).toBe(1510);
    expect([1, 2, 3, 4, 5].map((n) => counts.filter((count) => count === n).length)).toEqual([607, 712, 762, 714, 205]);
    // Parts cut short by a straddling character: the cases the issue is about.
    const straddled = references.filter(({ encoding, units }) => units.slice(0, -1).some((u) => u < (encoding === 'GSM-7' ? 153 : 67)));
    expect(straddled.length).toBe(976);
    // Dividing the length by 153 / 67, as smslint did before, counts one part too few on these.
    const divided = references.filter(({ encoding, units }) => {
      const [single, part] = encoding === 'GSM-7' ? [160, 153] : [70, 67];
      const length = units.reduce((sum, u) => sum + u, 0);
      return (length <= single ? 1 : Math.ceil(length / part)) !== units.length;
    });
    expect(divided.length).toBe(155);
  });

  test('the engine agrees with the reference on every message: encoding, segments and each part', () => {
    const disagreements = messages.filter((body) => {
      const engine = measured(body);
      const expected = reference(body);
      return engine.encoding !== expected.encoding || engine.segments !== expected.units.length || JSON.stringify(engine.parts?.map((p) => p.units)) !== JSON.stringify(expected.units);
    });
    expect(disagreements.length).toBe(0);
  });

  test("the engine agrees with Twilio's calculator (sms-segments-calculator 1.3.0) on encoding and segments", () => {
    const disagreements = messages.filter((body) => {
      const twilio = new SegmentedMessage(body);
      const engine = measured(body);
      return twilio.encodingName !== engine.encoding || twilio.segmentsCount !== engine.segments;
    });
    expect(disagreements.length).toBe(0);
  });
});
