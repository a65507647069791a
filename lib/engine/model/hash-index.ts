/**
 * A map from 32-bit hashes to small non-negative integers, by open addressing over one typed
 * array: a text's every word looks a feature up, and a Map of numbers costs several times as
 * much per lookup. Slot `i` is `table[2i]` (the hash) and `table[2i + 1]` (value + 1; 0:
 * empty), side by side so that a probe reads one cache line, not two.
 */
export class HashIndex {
  private readonly table: Int32Array;
  private readonly mask: number;
  /**
   * A bit per hash given, at about eight bits an entry: a clear bit tells a hash absent
   * without reading the table. Half a text's words are absent from a model, and the table,
   * many times larger, is mostly out of the cache after a lint's other work.
   */
  private readonly given: Int32Array;
  private readonly givenShift: number;

  /** Room for `capacity` entries, the table at most half full so that probe runs stay short. */
  constructor(capacity: number) {
    let size = 2;
    while (size < capacity * 2) size *= 2;
    this.table = new Int32Array(size * 2);
    this.mask = size - 1;
    let bits = 32;
    while (bits < capacity * 8) bits *= 2;
    this.given = new Int32Array(bits / 32);
    this.givenShift = 32 - Math.log2(bits);
  }

  /** Where a hash's probe starts: its bits mixed, as FNV's low bits alone cluster. */
  private slotOf(hash: number): number {
    return Math.imul(hash ^ (hash >>> 16), 0x45d9f3b) & this.mask;
  }

  /** Its bit in `given`: from the high bits of another mix, so that it tells apart hashes that share a slot. */
  private bitOf(hash: number): number {
    return Math.imul(hash, 0x9e3779b1) >>> this.givenShift;
  }

  /** The value of `hash`, or -1 when it has none. */
  get(hash: number): number {
    const bit = this.bitOf(hash);
    if ((this.given[bit >>> 5] & (1 << (bit & 31))) === 0) return -1;
    const key = hash | 0;
    const table = this.table;
    for (let slot = this.slotOf(key >>> 0); ; slot = (slot + 1) & this.mask) {
      const value = table[2 * slot + 1];
      if (value === 0) return -1;
      if (table[2 * slot] === key) return value - 1;
    }
  }

  /** Gives `hash` its value; the caller makes sure it has none yet (`get` < 0). */
  set(hash: number, value: number): void {
    let slot = this.slotOf(hash >>> 0);
    while (this.table[2 * slot + 1] !== 0) slot = (slot + 1) & this.mask;
    this.table[2 * slot] = hash | 0;
    this.table[2 * slot + 1] = value + 1;
    const bit = this.bitOf(hash);
    this.given[bit >>> 5] |= 1 << (bit & 31);
  }
}
