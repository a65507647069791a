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
});
