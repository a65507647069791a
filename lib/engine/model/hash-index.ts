/**
 * A map from 32-bit hashes to small non-negative integers, by open addressing over typed
 * arrays: a text's every word looks a feature up, and a Map of numbers costs several times as
 * much per lookup. Each slot holds its hash and `lanes` Int16s that its owner keeps beside it
 * (a scorer's stamp and weights), in one buffer, so that a lookup and what it reads sit in one
 * cache line. After a lint's other work the tables are mostly out of the cache: a scorer
 * that read a table of hashes, one of stamps and one of weights waited on three misses a
 * feature, and took a third longer than with one.
 */
export class HashIndex {
  /** The slots' hashes, at `slot << keyShift`; 0 marks an empty slot (see `keyOf`). */
  private readonly keys: Int32Array;
  /** The same buffer by Int16s: slot `s`'s lanes start at `laneOf(s)`. */
  readonly lanes: Int16Array;
  /** The slots' values: read apart from the hashes, as a scorer needs them only to explain. */
  private readonly values: Int32Array;
  private readonly mask: number;
  private readonly keyShift: number;
  /**
   * A bit per hash given, at about eight bits an entry: a clear bit tells a hash absent
   * without reading the table. Half a text's words are absent from a model, and the table,
   * many times larger, is mostly out of the cache after a lint's other work.
   */
  private readonly given: Int32Array;
  private readonly givenShift: number;

  /** Room for `capacity` entries, the table at most 70% full so that probe runs stay short, with `lanes` Int16s in each slot. */
  constructor(capacity: number, lanes = 0) {
    let size = 2;
    while (size < capacity / 0.7) size *= 2;
    // A slot: the hash (two Int16s) and the lanes, rounded up to a power of two so that no
    // slot straddles a cache line.
    let shorts = 2;
    while (shorts < 2 + lanes) shorts *= 2;
    this.keyShift = Math.log2(shorts / 2);
    const buffer = new ArrayBuffer(size * shorts * 2);
    this.keys = new Int32Array(buffer);
    this.lanes = new Int16Array(buffer);
    this.values = new Int32Array(size);
    this.mask = size - 1;
    let bits = 32;
    while (bits < capacity * 8) bits *= 2;
    this.given = new Int32Array(bits / 32);
    this.givenShift = 32 - Math.log2(bits);
  }

  /** Where a hash's probe starts: its bits mixed, as FNV's low bits alone cluster. */
  private slotOf(key: number): number {
    return Math.imul(key ^ (key >>> 16), 0x45d9f3b) & this.mask;
  }

  /** Its bit in `given`: from the high bits of another mix, so that it tells apart hashes that share a slot. */
  private bitOf(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.givenShift;
  }

  /** The slot of `hash`, or -1 when it has none. */
  find(hash: number): number {
    const key = keyOf(hash);
    const bit = this.bitOf(key);
    if ((this.given[bit >>> 5] & (1 << (bit & 31))) === 0) return -1;
    const keys = this.keys;
    for (let slot = this.slotOf(key); ; slot = (slot + 1) & this.mask) {
      const stored = keys[slot << this.keyShift];
      if (stored === key) return slot;
      if (stored === 0) return -1;
    }
  }

  /** The value of `hash`, or -1 when it has none. */
  get(hash: number): number {
    const slot = this.find(hash);
    return slot < 0 ? -1 : this.values[slot];
  }

  /** The value of a slot `find` gave. */
  valueAt(slot: number): number {
    return this.values[slot];
  }

  /** Where the lanes of a slot start in `lanes`. */
  laneOf(slot: number): number {
    return (slot << (this.keyShift + 1)) + 2;
  }

  /**
   * Gives `hash` its value and returns its slot, or returns -1 when it has one already (which
   * it keeps): one probe, where a `get` first took another (a model's cold start runs this for
   * each of its features in V8's interpreter, where every call counts).
   */
  set(hash: number, value: number): number {
    const key = keyOf(hash);
    let slot = this.slotOf(key);
    for (let stored = this.keys[slot << this.keyShift]; stored !== 0; stored = this.keys[slot << this.keyShift]) {
      if (stored === key) return -1;
      slot = (slot + 1) & this.mask;
    }
    this.keys[slot << this.keyShift] = key;
    this.values[slot] = value;
    const bit = this.bitOf(key);
    this.given[bit >>> 5] |= 1 << (bit & 31);
    return slot;
  }

  /** Sets lane `lane` of every slot to 0. */
  clearLane(lane: number): void {
    for (let at = 2 + lane; at < this.lanes.length; at += 2 << this.keyShift) this.lanes[at] = 0;
  }
}

/**
 * What a slot stores for a hash: the hash as an Int32, but 0, which marks an empty slot, as
 * another value (the two then read as one: a model holding both is refused as sharing a hash).
 */
function keyOf(hash: number): number {
  return hash | 0 || 0x5bd1e995;
}
