import { builtInLocales, createLinter, encodeLinearModel, InputError, localeFor, type LinearModelData } from '../../lib/engine';
import { hashName } from '../../lib/engine/model/hash';
import { FRONT_CODE_RESTART, LinearModel, WEIGHT_STEPS } from '../../lib/engine/model/linear';

/** The model file format (4): Int16 weights with one scale, names sorted and front-coded one a line, each feature found by the hash of its name, stored beside them. */
describe('model files', () => {
  const features = [
    { name: 'w=call', weights: [1.5, -0.25] },
    { name: 'b=# a', weights: [0, 0.00001] },
    { name: 'w=ü', weights: [-0.75, 0.3] },
  ];
  const encoded = encodeLinearModel({ kind: 'test', outputs: ['a', 'b'], bias: [0.5, -1], features, trainedOn: { by: 'hand' } });

  it('stores each weight to the nearest step of the largest |weight| / 32767, and finds each feature by its name', () => {
    expect(encoded.scale).toBe(1.5 / WEIGHT_STEPS);
    const model = new LinearModel(encoded);
    expect(model.size).toBe(3);
    expect(Array.from(model.bias)).toEqual([0.5, -1]);
    // Sorted by name, each line the length it shares with the one before, then the rest; each name's hash, little-endian.
    expect(encoded.names).toBe('0b=# a\n0w=call\n2ü');
    const hashes = Buffer.from(encoded.hashes!, 'base64');
    expect([0, 1, 2].map((row) => hashes.readUInt32LE(4 * row))).toEqual(['b=# a', 'w=call', 'w=ü'].map(hashName));
    [1, 0, 2].forEach((row, k) => {
      const { name, weights } = features[k];
      expect(model.rowOf(hashName(name))).toBe(row);
      expect(model.nameOf(row)).toBe(name);
      weights.forEach((weight, k) => expect(Math.abs(model.weight(row, k) - weight)).toBeLessThanOrEqual(encoded.scale / 2));
    });
    expect(model.rowOf(hashName('w=unknown'))).toBe(-1);
  });

  it('rebuilds every name of a large file from its front-coded lines, which restart every 16', () => {
    const names = Array.from({ length: 300 }, (_, k) => `b=${'abcdefghij'.slice(0, 1 + (k % 10))} ${k % 7 === 0 ? 'x'.repeat(60) : ''}${k}`);
    const large = encodeLinearModel({ kind: 'test', outputs: ['a'], bias: [0], features: names.map((name, k) => ({ name, weights: [k] })), trainedOn: {} });
    const lines = large.names.split('\n');
    expect(lines.filter((line, row) => row % FRONT_CODE_RESTART === 0).every((line) => line.startsWith('0b='))).toBe(true);
    expect(large.names.length).toBeLessThan(0.6 * names.join('\n').length);
    const model = new LinearModel(large);
    for (const [k, name] of names.entries()) {
      const row = model.rowOf(hashName(name));
      expect(model.nameOf(row)).toBe(name);
      expect(model.weight(row, 0)).toBeCloseTo(k, 1);
    }
  });

  it('still reads format 3, hashing its names, and format 2, its names written whole', () => {
    const { hashes: _hashes, ...withoutHashes } = encoded;
    for (const model of [new LinearModel({ ...withoutHashes, format: 3 }), new LinearModel({ ...withoutHashes, format: 2, names: 'b=# a\nw=call\nw=ü' })]) {
      expect(model.rowOf(hashName('w=ü'))).toBe(2);
      expect(model.nameOf(2)).toBe('w=ü');
    }
  });

  it.each(builtInLocales.flatMap((locale) => [locale.toneModel, locale.spamModel].filter((data) => data !== undefined).map((data) => [`${locale.language} ${data.kind}`, data] as const)))(
    'ships the %s model with the hash of each name beside it',
    (_model, data) => {
      const model = new LinearModel(data);
      for (let row = 0; row < model.size; row++) if (model.rowOf(hashName(model.nameOf(row))) !== row) throw new Error(`row ${row} (${model.nameOf(row)}) is not found by its name's hash`);
    },
  );

  it('scores a text as the sum of its known features, each once, text after text past the wrap of its Int16 stamps', () => {
    const model = new LinearModel(encoded);
    const scorer = model.scorer;
    const [call, u] = [1, 2];
    for (let text = 0; text < 70_000; text++) {
      scorer.read((sink) => {
        sink.add(hashName('w=call'), 1, 0, 4);
        sink.add(hashName('w=unknown'), 1, 5, 9);
        if (text % 2 === 1) sink.add(hashName('w=ü'), 1, 10, 11);
        sink.add(hashName('w=call'), 1, 12, 16);
      });
      const expected = text % 2 === 1 ? [0.5 + model.weight(call, 0) + model.weight(u, 0), -1 + model.weight(call, 1) + model.weight(u, 1)] : [0.5 + model.weight(call, 0), -1 + model.weight(call, 1)];
      if (Array.from(scorer.logits).join() !== expected.join()) throw new Error(`text ${text}: logits ${Array.from(scorer.logits)}, not ${expected}`);
    }
  });

  it('explains a text by its strongest features either way, ties in text order, where each first stood, after other texts too', () => {
    const weights = { a: 1, b: 3, c: 2, d: -1, e: 2, f: 5 };
    const model = new LinearModel(encodeLinearModel({ kind: 'test', outputs: ['x'], bias: [0], features: Object.entries(weights).map(([word, weight]) => ({ name: `w=${word}`, weights: [weight] })), trainedOn: {} }));
    let reads = 0;
    const explain = model.scorer.read((sink) => {
      reads++;
      // "f" stands on no words (a feature of the whole text); "a" counts where it first stood.
      sink.add(hashName('w=f'), 1, 0, 0);
      for (const [k, word] of ['a', 'b', 'c', 'd', 'e', 'a'].entries()) sink.add(hashName(`w=${word}`), 1, 2 * k, 2 * k + 1);
    });
    const cue = (word: keyof typeof weights, start: number) => ({ name: `w=${word}`, weight: model.weight(model.rowOf(hashName(`w=${word}`)), 0), start, end: start === 0 && word === 'f' ? 0 : start + 1 });
    expect(explain(0, 1, 3)).toEqual([cue('f', 0), cue('b', 2), cue('c', 4)]);
    expect(explain(0, 1, 1)).toEqual([cue('f', 0)]);
    expect(explain(0, 1, 3, true)).toEqual([cue('b', 2), cue('c', 4), cue('e', 8)]);
    expect(explain(0, -1, 3)).toEqual([cue('d', 6)]);
    expect(reads).toBe(1);
    // Another text read since: the explanation reads its own text again.
    model.scorer.read((sink) => sink.add(hashName('w=d'), 1, 0, 1));
    expect(explain(0, -1, 3)).toEqual([cue('d', 6)]);
    expect(reads).toBe(2);
  });

  it('writes a model with no features, and reads it', () => {
    const empty = encodeLinearModel({ kind: 'test', outputs: ['a'], bias: [0], features: [], trainedOn: {} });
    expect(empty).toMatchObject({ scale: 0, weights: '', names: '' });
    expect(new LinearModel(empty).size).toBe(0);
  });

  it('refuses to write a name that is empty or not one line', () => {
    expect(() => encodeLinearModel({ kind: 'test', outputs: ['a'], bias: [0], features: [{ name: 'w=a\nb', weights: [1] }], trainedOn: {} })).toThrow(/"w=a\\nb": a name is one line/);
  });

  // "w=f7wzx" and "w=fa6cd" share their 32-bit FNV-1a hash.
  it.each<[string, unknown, RegExp]>([
    ['a list', [], /^model is not a JSON object$/],
    ['no kind', { ...encoded, kind: undefined }, /^model has no "kind"/],
    ['format 1', { kind: 'test', outputs: ['a', 'b'], bias: [0, 0], weights: [['w=call', 1, 2]] }, /^model test is of format 1 \(rows of weights\), no longer read: train it again with npm run train/],
    ['another format', { ...encoded, format: 5 }, /^model test has format 5, not 2 or 3 or 4$/],
    ['no outputs', { ...encoded, outputs: [] }, /"outputs" must be a list of names/],
    ['a bias short', { ...encoded, bias: [1] }, /"bias" must be 2 numbers, one per output/],
    ['a scale that is not a number', { ...encoded, scale: '1' }, /"scale" must be a number/],
    ['weights not in base64', { ...encoded, weights: 'ab$d' }, /"weights" must be a base64 string/],
    ['weights of another width', { ...encoded, weights: 'AAAA' }, /"weights" holds 3 bytes, not 2 per output of each feature \(2 outputs\)/],
    ['a name too many', { ...encoded, names: `${encoded.names}\nw=more` }, /has more names than the 3 features of "weights"/],
    ['a name short', { ...encoded, names: '0b=# a\n0w=call' }, /has 2 names for the 3 features of "weights"/],
    ['an empty name', { ...encoded, names: '0b=# a\n\n0w=ü' }, /feature 2 of "names" is empty/],
    ['a line sharing more than the name before', { ...encoded, names: '0b=# a\n7w=call\n2ü' }, /feature 2 of "names" starts with "7": it may share 0 to 5 characters with the one before/],
    ['hashes not in base64', { ...encoded, hashes: 'ab$d' }, /"hashes" must be a base64 string/],
    ['no hashes', { ...encoded, hashes: undefined }, /"hashes" must be a base64 string/],
    ['a hash short', { ...encoded, hashes: Buffer.from(encoded.hashes!, 'base64').subarray(0, 8).toString('base64') }, /"hashes" holds 2 hashes for the 3 features of "weights"/],
    ['two rows of one hash', { ...encoded, hashes: Buffer.from(encoded.hashes!, 'base64').fill(7, 4, 8).fill(7, 8, 12).toString('base64') }, /^model test features "w=call" and "w=ü" share a hash$/],
    ['two names of one hash', { ...encoded, format: 3, names: '0w=f7wzx\n0b=# a\n0w=fa6cd' }, /^model test features "w=f7wzx" and "w=fa6cd" share a hash$/],
  ])('refuses a file with %s, saying what is wrong', (_what, data, message) => {
    expect(() => new LinearModel(data as LinearModelData)).toThrow(message);
  });

  it('refuses a team model at createLinter, naming the language and the model', () => {
    const en = localeFor('en')!;
    const broken = { ...en.toneModel!, names: '0w=call' };
    const make = () => createLinter({ locales: [{ ...en, toneModel: broken }] });
    expect(make).toThrow(InputError);
    const features = new LinearModel(en.toneModel!).size;
    expect(make).toThrow(new RegExp(`^invalid tone model: /en model tone has 1 names for the ${features} features of "weights"$`));
  });
});
