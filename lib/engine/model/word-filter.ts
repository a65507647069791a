import { hashMore, hashStart } from './hash';

/**
 * The words of a language as a Bloom filter over their keys (`wordKey`): what tells a word
 * of the language written in capitals ("URGENT", "GRATUIT": shouting) from a name or an
 * acronym ("ZITADEL", "DTAI": not), spec, Clarifications: Capitals. A list of the words
 * themselves was 600 KB (en) and 4 MB (fr); the filter of their first letters is 11 and
 * 13 KB (15 and 18 in base64), and errs only one way: about one name in ten passes for a
 * word, and is read as shouting as before there was a dictionary.
 */
export interface WordFilterData {
  kind: 'dictionary';
  format: 1;
  /** Where the words come from, and under which licence: for people, never read by the engine. */
  source: string;
  /** A word's key is its first `keyLength` letters, lower-cased and without accents (so inflections share it). */
  keyLength: number;
  /** How many keys the filter holds. */
  keys: number;
  /** Bits set per key. */
  hashes: number;
  /** The filter's bits, base64, bit `i` at byte `i >> 3`, bit `i & 7`. */
  bits: string;
}

export const WORD_FILTER_FORMAT = 1;

/** A word's key: lower-cased, its accents dropped (`DÉJÀ` → `deja`), cut to `length` letters. */
export function wordKey(word: string, length: number): string {
  return word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').slice(0, length);
}

/** The bits a key sets: `hashes` of them, by double hashing from two FNV-1a hashes. */
function* bitsOf(key: string, hashes: number, size: number): Generator<number> {
  const first = hashMore(hashStart, key) >>> 0;
  // A second hash from the same bytes, seeded apart; odd, so that its steps visit every bit.
  const second = (hashMore(first ^ 0x5bd1e995, key) | 1) >>> 0;
  for (let i = 0; i < hashes; i++) yield ((first + Math.imul(i, second)) >>> 0) % size;
}

/** The filter's bits for `keys`, at `bitsPerKey` bits each (4.8: one false answer in ten). */
export function buildWordFilter(keys: ReadonlySet<string>, keyLength: number, source: string, bitsPerKey = 4.8): WordFilterData {
  const size = Math.max(8, Math.ceil((keys.size * bitsPerKey) / 8) * 8);
  const hashes = Math.max(1, Math.round(bitsPerKey * Math.LN2));
  const bytes = Buffer.alloc(size / 8);
  for (const key of keys) for (const bit of bitsOf(key, hashes, size)) bytes[bit >> 3] |= 1 << (bit & 7);
  return { kind: 'dictionary', format: WORD_FILTER_FORMAT, source, keyLength, keys: keys.size, hashes, bits: bytes.toString('base64') };
}

export class WordFilter {
  private readonly bytes: Uint8Array;
  private readonly size: number;

  /** Reads a filter file, or throws naming what is wrong with it. */
  constructor(private readonly data: WordFilterData) {
    const valid =
      typeof data === 'object' &&
      data !== null &&
      data.kind === 'dictionary' &&
      data.format === WORD_FILTER_FORMAT &&
      Number.isInteger(data.keyLength) &&
      data.keyLength > 0 &&
      Number.isInteger(data.hashes) &&
      data.hashes > 0 &&
      typeof data.bits === 'string';
    if (!valid) throw new Error(`a dictionary must be {"kind": "dictionary", "format": ${WORD_FILTER_FORMAT}, "keyLength", "hashes", "bits"} as npm run dictionary writes it`);
    this.bytes = Buffer.from(data.bits, 'base64');
    this.size = this.bytes.length * 8;
    if (this.size === 0) throw new Error('a dictionary must have some "bits"');
  }

  /**
   * Whether the filter reads all of `word`, not only its first letters: then `has` tells a
   * word from a name as well as a Bloom filter can ("NEVER"), where a longer name may share
   * a word's first letters ("ADVANCIA", "advance").
   */
  readsWhole(word: string): boolean {
    return word.length <= this.data.keyLength;
  }

  /** Whether `word` is (about nine times in ten, when it is not) a word of the language. */
  has(word: string): boolean {
    for (const bit of bitsOf(wordKey(word, this.data.keyLength), this.data.hashes, this.size)) {
      if ((this.bytes[bit >> 3] & (1 << (bit & 7))) === 0) return false;
    }
    return true;
  }
}
