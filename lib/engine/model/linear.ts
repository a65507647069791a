import { hashCode, hashStart } from './hash';
import { HashIndex } from './hash-index';

/**
 * A linear model with several outputs sharing one set of features (the decisions of a
 * check family: is there a request, is it explained, ...), as stored in a model file
 * (format 4). Features are present or absent: a feature seen twice in a text counts once.
 *
 * The file holds a few large strings rather than one array per feature: a bundle parses a
 * string literal in a fraction of the time an array literal of 20,000 rows takes, and
 * decoding it is one `Buffer.from(base64)`. A feature is looked up by the 32-bit FNV-1a
 * hash of its name (`hashName`), computed from `names` when the model is built.
 */
export interface LinearModelData {
  /** What the file holds, so a wrong file is refused with a clear message. */
  kind: string;
  /**
   * The file format: 4 (names front-coded, with their hashes), 3 (without the hashes) or 2
   * (names written whole), both still read; the rows of format 1, `[name, ...weights]`, are
   * no longer read.
   */
  format: 2 | 3 | 4;
  /** The outputs, in the order of each weight row: `["cta", "rationale", ...]`. */
  outputs: string[];
  bias: number[];
  /** How it was trained: corpus, sizes, options; for people, never read by the engine. */
  trainedOn?: Record<string, unknown>;
  /** What one step of a stored weight is worth: the largest |weight| / 32767. */
  scale: number;
  /**
   * Base64 of little-endian Int16s, features × outputs, row by row: weight = integer × `scale`
   * (the trained weight rounded to the nearest step, so off by at most `scale` / 2).
   */
  weights: string;
  /**
   * Format 4: base64 of little-endian Uint32s, one per row, the hash of its name
   * (`hashName`): a model is indexed without hashing its names (the two English models'
   * first build, in a cold process: 13-14 ms before, 8-10 ms with them).
   */
  hashes?: string;
  /**
   * The feature names, one a line, in row order: what explanations name. In formats 3 and 4
   * the rows are sorted by name and each line is one character telling how many characters the
   * name shares with the one before (`FRONT_CODE_ZERO` + that count), then the rest of the
   * name; every `FRONT_CODE_RESTART`th line shares none, so that one name is rebuilt from a
   * few lines. Feature names share long prefixes (`b=you `, `c=request.`): this is about 45%
   * shorter (and in format 3, a name's hash continues from its shared prefix's).
   */
  names: string;
}

/** The format `npm run train` writes; `LinearModel` reads it and the two before (`MODEL_FORMATS`). */
export const MODEL_FORMAT = 4;
const MODEL_FORMATS: readonly unknown[] = [2, 3, MODEL_FORMAT];

/** A line of format-3 and -4 names starts with this character + the length of the prefix it shares: '0', '1', ... */
export const FRONT_CODE_ZERO = 0x30;
/** The longest prefix a line may share, so that its character stays below the backslash (which JSON and JavaScript escape). */
export const FRONT_CODE_LONGEST = 0x5b - FRONT_CODE_ZERO;
/** Every this many lines, one shares no prefix. */
export const FRONT_CODE_RESTART = 16;

/** The largest stored integer of a weight: `scale` is the largest |weight| over this. */
export const WEIGHT_STEPS = 32767;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const BIG_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 0;

/**
 * The integers of a file's little-endian Int16s or Uint32s, by a typed-array view
 * (`readInt16LE` a weight at a time took several times as long for the 18,500 of the spam model).
 */
function decodeIntegers<T extends Int16Array | Uint32Array>(bytes: Buffer, Type: { new (buffer: ArrayBufferLike, byteOffset: number, length: number): T; BYTES_PER_ELEMENT: number }): T {
  const size = Type.BYTES_PER_ELEMENT;
  // A buffer from Node's pool may start at any byte: a typed array starts at a multiple of its size.
  const aligned = bytes.byteOffset % size === 0 ? bytes : Buffer.from(new Uint8Array(bytes).buffer);
  if (BIG_ENDIAN) {
    if (size === 2) aligned.swap16();
    else aligned.swap32();
  }
  return new Type(aligned.buffer, aligned.byteOffset, aligned.length / size);
}

/** The lanes of each slot of a model's index: the stamp, then the stored integer of each output. */
const STAMP_LANE = 0;
const FIRST_WEIGHT_LANE = 1;

export class LinearModel {
  readonly outputs: readonly string[];
  readonly bias: Float64Array;
  /** Row `k` holds feature k's stored integers, `outputs.length` of them (see `weight`). */
  readonly integers: Int16Array;
  /** What one step of a stored integer is worth. */
  readonly scale: number;
  /** How many features the model knows. */
  readonly size: number;
  /**
   * Hash of a feature name → its row, each slot laid out for scoring: a lane for the
   * scorer's stamp, then the feature's stored integers. The model and its one scorer share
   * it, as building a second table took a cold start as long again.
   */
  readonly index: HashIndex;
  /** Where the line of feature k starts in `data.names`; the next one starts past its line break. */
  private readonly lineStarts: Int32Array;
  /** The width of a line's front code: 1 in formats 3 and 4, 0 in format 2. */
  private readonly frontCodeWidth: number;
  /** How many characters feature k's name shares with the one before (0 in format 2). */
  private readonly sharedLengths: Uint8Array;
  /** The names rebuilt so far, by row: a few features (a request's verb, "please") name most findings. */
  private readonly names: (string | undefined)[] = [];

  /** Builds the model of a file, or throws an error naming what is wrong with it (the file may be a team's). */
  constructor(readonly data: LinearModelData) {
    const fail = (problem: string): never => {
      throw new Error(`model ${typeof data?.kind === 'string' ? `${data.kind} ` : ''}${problem}`);
    };
    if (typeof data !== 'object' || data === null || Array.isArray(data)) fail('is not a JSON object');
    if (typeof data.kind !== 'string') fail('has no "kind" (a string)');
    if (!MODEL_FORMATS.includes(data.format)) {
      fail(
        Array.isArray(data.weights)
          ? `is of format 1 (rows of weights), no longer read: train it again with npm run train, which writes format ${MODEL_FORMAT}`
          : `has format ${JSON.stringify(data.format)}, not ${MODEL_FORMATS.join(' or ')}`,
      );
    }
    if (!Array.isArray(data.outputs) || data.outputs.length === 0 || !data.outputs.every((output) => typeof output === 'string')) fail('"outputs" must be a list of names');
    const width = data.outputs.length;
    if (!Array.isArray(data.bias) || data.bias.length !== width || !data.bias.every(Number.isFinite)) fail(`"bias" must be ${width} numbers, one per output`);
    if (typeof data.scale !== 'number' || !Number.isFinite(data.scale) || data.scale < 0) fail('"scale" must be a number, 0 or more');
    if (typeof data.weights !== 'string' || data.weights.length % 4 !== 0 || !BASE64.test(data.weights)) fail('"weights" must be a base64 string');
    if (typeof data.names !== 'string') fail('"names" must be a string of feature names, one a line');
    this.outputs = data.outputs;
    this.bias = Float64Array.from(data.bias);

    const bytes = Buffer.from(data.weights, 'base64');
    const count = bytes.length / (2 * width);
    if (!Number.isInteger(count)) fail(`"weights" holds ${bytes.length} bytes, not 2 per output of each feature (${width} outputs)`);
    this.size = count;
    this.scale = data.scale;
    this.integers = decodeIntegers(bytes, Int16Array);
    let hashes: Uint32Array | undefined;
    if (data.format === 4) {
      const encoded = typeof data.hashes === 'string' && data.hashes.length % 4 === 0 && BASE64.test(data.hashes) ? data.hashes : fail('"hashes" must be a base64 string');
      hashes = decodeIntegers(Buffer.from(encoded, 'base64'), Uint32Array);
      if (hashes.length !== count) fail(`"hashes" holds ${hashes.length} hashes for the ${count} features of "weights"`);
    }

    // Without their hashes, the names are hashed where they stand in the one string, none of them cut
    // out: each continues from the hash of the prefix it shares, kept at every length of the name before.
    const names = data.names;
    const frontCoded = data.format !== 2;
    this.index = new HashIndex(count, FIRST_WEIGHT_LANE + width);
    const lanes = this.index.lanes;
    this.lineStarts = new Int32Array(count + 1);
    this.frontCodeWidth = frontCoded ? 1 : 0;
    this.sharedLengths = new Uint8Array(count);
    let statesByLength: Int32Array = new Int32Array(64);
    statesByLength[0] = hashStart;
    let previousLength = 0;
    let row = 0;
    for (let start = 0; start <= names.length && names.length > 0; row++) {
      let end = names.indexOf('\n', start);
      if (end < 0) end = names.length;
      if (row >= count) fail(`has more names than the ${count} features of "weights"`);
      this.lineStarts[row] = start;
      this.lineStarts[row + 1] = end + 1;
      const shared = frontCoded && end > start ? names.charCodeAt(start) - FRONT_CODE_ZERO : 0;
      const rest = frontCoded ? start + 1 : start;
      if (shared < 0 || shared > Math.min(previousLength, FRONT_CODE_LONGEST)) {
        fail(`feature ${row + 1} of "names" starts with ${JSON.stringify(names[start])}: it may share 0 to ${Math.min(previousLength, FRONT_CODE_LONGEST)} characters with the one before`);
      }
      const length = shared + Math.max(0, end - rest);
      if (length === 0) fail(`feature ${row + 1} of "names" is empty`);
      let hash: number;
      if (hashes) hash = hashes[row];
      else {
        if (length >= statesByLength.length) statesByLength = growTo(statesByLength, length + 1);
        let state = statesByLength[shared];
        for (let i = rest; i < end; i++) statesByLength[shared + i - rest + 1] = state = hashCode(state, names.charCodeAt(i));
        hash = state >>> 0;
      }
      this.sharedLengths[row] = shared;
      const slot = this.index.set(hash, row);
      if (slot < 0) fail(`features "${this.nameOf(this.rowOf(hash))}" and "${this.nameOf(row)}" share a hash`);
      const lane = this.index.laneOf(slot) + FIRST_WEIGHT_LANE;
      for (let k = 0; k < width; k++) lanes[lane + k] = this.integers[row * width + k];
      previousLength = length;
      start = end + 1;
    }
    if (row !== count) fail(`has ${row} names for the ${count} features of "weights"`);
  }

  /** The row of a hashed feature, or -1 when the model never learned it. */
  rowOf(hash: number): number {
    return this.index.get(hash);
  }

  /** Feature `row`'s weight for output `output`: its stored integer × `scale`. */
  weight(row: number, output: number): number {
    return this.integers[row * this.outputs.length + output] * this.scale;
  }

  /** The scorer of this model: one, as it stamps the model's own table. */
  get scorer(): LinearScorer {
    return (this.builtScorer ??= new LinearScorer(this));
  }
  private builtScorer: LinearScorer | undefined;

  /**
   * The name of a feature row, for explanations: rebuilt from `data.names` when first asked
   * for, as scoring needs only the hashes.
   */
  nameOf(row: number): string {
    return (this.names[row] ??= this.rebuiltName(row));
  }

  /**
   * The prefix a name shares comes from the lines before, back to one that shares less (at
   * most `FRONT_CODE_RESTART` lines in a file `npm run train` wrote).
   */
  private rebuiltName(row: number): string {
    let name = this.restOf(row);
    let needed = this.sharedLengths[row];
    for (let before = row - 1; needed > 0; before--) {
      const shared = this.sharedLengths[before];
      if (shared < needed) {
        name = this.restOf(before).slice(0, needed - shared) + name;
        needed = shared;
      }
    }
    return name;
  }

  /** What line `row` of `data.names` writes of its name: all of it past the shared prefix. */
  private restOf(row: number): string {
    return this.data.names.slice(this.lineStarts[row] + this.frontCodeWidth, this.lineStarts[row + 1] - 1);
  }

  output(name: string): number {
    const index = this.outputs.indexOf(name);
    if (index < 0) throw new Error(`model ${this.data.kind} has no output "${name}"`);
    return index;
  }
}

/** A feature that pushed a decision: its name, its weight for that decision, and where in the text it first stood. */
export interface Contribution {
  name: string;
  weight: number;
  start: number;
  end: number;
}

/**
 * The features of one text that push output `column` most in the direction of `sign` (1:
 * towards firing, -1: away), at most `count`, strongest first; with `onWords`, only those
 * that stand on words of the text (not the category, nor cues of the whole text).
 */
export type Explain = (column: number, sign: 1 | -1, count: number, onWords?: boolean) => Contribution[];

/**
 * Sums the weights of the features of one text, each feature once. It reads its model's
 * index, each slot holding beside the hash the stamp of the last text that counted the
 * feature (this scorer's lane) and the feature's stored integers, so that adding a feature
 * reads one slot (see `HashIndex`); a stamp tells a feature already counted in this text
 * without a set per text (linting is synchronous, so one scorer per model is never shared).
 * It also notes the slot of each feature found and where it stood, so that explaining a
 * finding reads the weights from those slots, with no second pass and no object per feature.
 */
export class LinearScorer {
  private readonly index: HashIndex;
  private readonly lanes: Int16Array;
  /** The texts begun: an explanation tells by it whether its text is still the one noted. */
  private texts = 0;
  private stamp = 0;
  readonly logits: Float64Array;
  /** The slots of the features found, not their rows: a row is read apart, and only to name a feature. */
  private readonly foundSlots: Int32Array;
  private readonly foundStarts: Int32Array;
  private readonly foundEnds: Int32Array;
  private found = 0;

  /** Use `model.scorer`: two scorers would stamp one table. */
  constructor(readonly model: LinearModel) {
    this.index = model.index;
    this.lanes = this.index.lanes;
    this.logits = new Float64Array(model.outputs.length);
    this.foundSlots = new Int32Array(model.size);
    this.foundStarts = new Int32Array(model.size);
    this.foundEnds = new Int32Array(model.size);
  }

  /**
   * Scores one text: `emit` adds its features to this scorer, and `logits` then hold its
   * sums. Returns what explains that text; when the scorer has read another text since, the
   * explanation has `emit` give the features again (rules explain after all scoring is done).
   */
  read(emit: (scorer: LinearScorer) => void): Explain {
    let text = this.begin(emit);
    return (column, sign, count, onWords = false) => {
      if (text !== this.texts) text = this.begin(emit);
      return this.strongest(column, sign, count, onWords);
    };
  }

  private begin(emit: (scorer: LinearScorer) => void): number {
    this.logits.set(this.model.bias);
    this.found = 0;
    // Stamps are Int16s: past the largest, every slot's is cleared and counting starts again.
    if (++this.stamp === 0x8000) {
      this.index.clearLane(STAMP_LANE);
      this.stamp = 1;
    }
    const text = ++this.texts;
    emit(this);
    return text;
  }

  /** Adds a feature's weights, and where it stands, unless it was added already. */
  add(hash: number, _value = 1, start = 0, end = 0): void {
    const slot = this.index.find(hash);
    if (slot < 0) return;
    const lanes = this.lanes;
    const at = this.index.laneOf(slot);
    if (lanes[at + STAMP_LANE] === this.stamp) return;
    lanes[at + STAMP_LANE] = this.stamp;
    // Each integer × scale: the very doubles of `model.weight`, summed in the same order.
    const logits = this.logits;
    const scale = this.model.scale;
    for (let k = 0; k < logits.length; k++) logits[k] += lanes[at + FIRST_WEIGHT_LANE + k] * scale;
    this.foundSlots[this.found] = slot;
    this.foundStarts[this.found] = start;
    this.foundEnds[this.found++] = end;
  }

  /**
   * See `Explain`, for the text just read: what a stable sort of its features by weight would
   * put first, kept by insertion into a list of at most `count` (an explanation names 1 to 8),
   * comparing the stored integers of the slots noted, so that only the features named are
   * ever made into objects.
   */
  private strongest(column: number, sign: 1 | -1, count: number, onWords: boolean): Contribution[] {
    const lane = FIRST_WEIGHT_LANE + column;
    const kept: number[] = [];
    const keys: number[] = [];
    for (let i = 0; i < this.found; i++) {
      if (onWords && this.foundEnds[i] <= this.foundStarts[i]) continue;
      const key = this.lanes[this.index.laneOf(this.foundSlots[i]) + lane] * sign;
      if (!(key > 0)) continue;
      // After every kept feature at least as strong: an equal one found earlier stays first.
      let at = kept.length;
      while (at > 0 && keys[at - 1] < key) at--;
      if (at >= count) continue;
      // The weaker ones move down a place by hand; the weakest falls off once `count` are kept.
      for (let from = Math.min(kept.length, count - 1); from > at; from--) {
        kept[from] = kept[from - 1];
        keys[from] = keys[from - 1];
      }
      kept[at] = i;
      keys[at] = key;
    }
    return kept.map((i) => {
      const row = this.index.valueAt(this.foundSlots[i]);
      return { name: this.model.nameOf(row), weight: this.model.weight(row, column), start: this.foundStarts[i], end: this.foundEnds[i] };
    });
  }
}

const scorers = new WeakMap<LinearModelData, LinearScorer>();

/**
 * The scorer of a model file, built once per file: refuses a file of another kind or
 * other outputs (a tone model given as a spam model) with a message naming `language`.
 */
export function scorerFor(data: LinearModelData, kind: string, outputs: readonly string[], language: string): LinearScorer {
  const cached = scorers.get(data);
  // A file cached as one kind may be handed over as another (a tone model as a spam model).
  if (cached && data.kind === kind) return cached;
  const model = new LinearModel(data);
  if (data.kind !== kind || model.outputs.join(',') !== outputs.join(',')) {
    throw new Error(`the ${language} ${kind} model must be of kind "${kind}" with outputs ${outputs.join(',')}`);
  }
  const scorer = model.scorer;
  scorers.set(data, scorer);
  return scorer;
}

function growTo(states: Int32Array, length: number): Int32Array {
  const grown = new Int32Array(Math.max(length, 2 * states.length));
  grown.set(states);
  return grown;
}

export function sigmoid(logit: number): number {
  return 1 / (1 + Math.exp(-logit));
}
