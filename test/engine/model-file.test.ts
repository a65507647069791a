import { createLinter, encodeLinearModel, InputError, localeFor, type LinearModelData } from '../../lib/engine';
import { hashName } from '../../lib/engine/model/hash';
import { LinearModel, WEIGHT_STEPS } from '../../lib/engine/model/linear';

/** The model file format (2): Int16 weights with one scale, names one a line, each feature found by the hash of its name. */
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
    features.forEach(({ name, weights }, row) => {
      expect(model.rowOf(hashName(name))).toBe(row);
      expect(model.nameOf(row)).toBe(name);
      weights.forEach((weight, k) => expect(Math.abs(model.weight(row, k) - weight)).toBeLessThanOrEqual(encoded.scale / 2));
    });
    expect(model.rowOf(hashName('w=unknown'))).toBe(-1);
  });

  it('scores a text as the sum of its known features, each once, text after text past the wrap of its Int16 stamps', () => {
    const model = new LinearModel(encoded);
    const scorer = model.scorer;
    for (let text = 0; text < 70_000; text++) {
      const number = scorer.begin();
      scorer.add(hashName('w=call'), 1, 0, 4);
      scorer.add(hashName('w=unknown'), 1, 5, 9);
      if (text % 2 === 1) scorer.add(hashName('w=ü'), 1, 10, 11);
      scorer.add(hashName('w=call'), 1, 12, 16);
      const expected = text % 2 === 1 ? [0.5 + model.weight(0, 0) + model.weight(2, 0), -1 + model.weight(0, 1) + model.weight(2, 1)] : [0.5 + model.weight(0, 0), -1 + model.weight(0, 1)];
      if (Array.from(scorer.logits).join() !== expected.join()) throw new Error(`text ${text}: logits ${Array.from(scorer.logits)}, not ${expected}`);
      if (text === 69_999) {
        expect(scorer.locatedIn(number)).toEqual([{ row: 0, start: 0, end: 4 }, { row: 2, start: 10, end: 11 }]);
        scorer.begin();
        expect(scorer.locatedIn(number)).toBeUndefined();
      }
    }
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
    ['another format', { ...encoded, format: 3 }, /^model test has format 3, not 2$/],
    ['no outputs', { ...encoded, outputs: [] }, /"outputs" must be a list of names/],
    ['a bias short', { ...encoded, bias: [1] }, /"bias" must be 2 numbers, one per output/],
    ['a scale that is not a number', { ...encoded, scale: '1' }, /"scale" must be a number/],
    ['weights not in base64', { ...encoded, weights: 'ab$d' }, /"weights" must be a base64 string/],
    ['weights of another width', { ...encoded, weights: 'AAAA' }, /"weights" holds 3 bytes, not 2 per output of each feature \(2 outputs\)/],
    ['a name too many', { ...encoded, names: `${encoded.names}\nw=more` }, /has more names than the 3 features of "weights"/],
    ['a name short', { ...encoded, names: 'w=call\nb=# a' }, /has 2 names for the 3 features of "weights"/],
    ['an empty name', { ...encoded, names: 'w=call\n\nw=ü' }, /feature 2 of "names" is empty/],
    ['two names of one hash', { ...encoded, names: 'w=f7wzx\nb=# a\nw=fa6cd' }, /^model test features "w=f7wzx" and "w=fa6cd" share a hash$/],
  ])('refuses a file with %s, saying what is wrong', (_what, data, message) => {
    expect(() => new LinearModel(data as LinearModelData)).toThrow(message);
  });

  it('refuses a team model at createLinter, naming the language and the model', () => {
    const en = localeFor('en')!;
    const broken = { ...en.toneModel!, names: 'w=call' };
    const make = () => createLinter({ locales: [{ ...en, toneModel: broken }] });
    expect(make).toThrow(InputError);
    const features = new LinearModel(en.toneModel!).size;
    expect(make).toThrow(new RegExp(`^invalid tone model: /en model tone has 1 names for the ${features} features of "weights"$`));
  });
});
