/**
 * A map from 32-bit hashes to small non-negative integers, by open addressing over one typed
 * array: a text's every word looks a feature up, and a Map of numbers costs several times as
 * much per lookup. Slot `i` is `table[2i]` (the hash) and `table[2i + 1]` (value + 1; 0:
 * empty), side by side so that a probe reads one cache line, not two.
 */
export class HashIndex {
  private readonly table: Int32Array;
  private readonly mask: number;

  /** Room for `capacity` entries, the table at most half full so that probe runs stay short. */
  constructor(capacity: number) {
    let size = 2;
    while (size < capacity * 2) size *= 2;
    this.table = new Int32Array(size * 2);
    this.mask = size - 1;
  }

  /** Where a hash's probe starts: its bits mixed, as FNV's low bits alone cluster. */
  private slotOf(hash: number): number {
    return Math.imul(hash ^ (hash >>> 16), 0x45d9f3b) & this.mask;
  }

  /** The value of `hash`, or -1 when it has none. */
  get(hash: number): number {
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
  }
}
