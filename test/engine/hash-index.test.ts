import { HashIndex } from '../../lib/engine/model/hash-index';
import { hashName } from '../../lib/engine/model/hash';

describe('HashIndex', () => {
  it('finds every hash given, and no other, as a Map does', () => {
    // FNV hashes of feature-like names, as the models give it, and as many never given.
    const given = Array.from({ length: 9_231 }, (_, i) => hashName(`w=word${i}`));
    const index = new HashIndex(given.length);
    given.forEach((hash, value) => index.set(hash, value));
    const map = new Map(given.map((hash, value) => [hash, value]));
    for (const hash of given) expect(index.get(hash)).toBe(map.get(hash));
    for (let i = 0; i < 50_000; i++) {
      const hash = hashName(`b=other ${i}`);
      expect(index.get(hash)).toBe(map.get(hash) ?? -1);
    }
  });

  it('tells apart hashes that differ only in their high bits or only in their low bits', () => {
    const index = new HashIndex(4);
    index.set(0x00000001, 7);
    index.set(0x80000000, 8);
    expect([index.get(0x00000001), index.get(0x80000000), index.get(0x80000001), index.get(0)]).toEqual([7, 8, -1, -1]);
  });

  it('keeps the first value of a hash given twice, saying so', () => {
    const index = new HashIndex(4);
    const slot = index.set(0x1234, 1);
    expect(index.set(0x1234, 2)).toBe(-1);
    expect([index.get(0x1234), index.find(0x1234)]).toEqual([1, slot]);
  });
});

describe('HashIndex lanes', () => {
  it('keeps each slot its own lanes beside its hash', () => {
    const index = new HashIndex(100, 3);
    const slots = Array.from({ length: 100 }, (_, i) => index.set(hashName(`w=word${i}`), i));
    slots.forEach((slot, i) => [0, 1, 2].forEach((lane) => (index.lanes[index.laneOf(slot) + lane] = i * 10 + lane)));
    for (let i = 0; i < 100; i++) {
      const slot = index.find(hashName(`w=word${i}`));
      expect(index.valueAt(slot)).toBe(i);
      expect([0, 1, 2].map((lane) => index.lanes[index.laneOf(slot) + lane])).toEqual([i * 10, i * 10 + 1, i * 10 + 2]);
    }
    index.clearLane(1);
    expect(slots.map((slot) => index.lanes[index.laneOf(slot) + 1]).every((value) => value === 0)).toBe(true);
    expect(index.lanes[index.laneOf(slots[7]) + 2]).toBe(72);
  });

  it('stores a hash of 0, which marks empty slots, as another value', () => {
    const index = new HashIndex(4);
    expect(index.get(0)).toBe(-1);
    index.set(0, 5);
    expect([index.get(0), index.get(1)]).toEqual([5, -1]);
  });
});
