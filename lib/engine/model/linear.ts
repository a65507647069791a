import { hashMore, hashStart } from './hash';
import { HashIndex } from './hash-index';

/**
 * A linear model with several outputs sharing one set of features (the decisions of a
 * check family: is there a request, is it explained, ...), as stored in a model file
 * (format 2). Features are present or absent: a feature seen twice in a text counts once.
 *
 * The file holds a few large strings rather than one array per feature: a bundle parses a
 * string literal in a fraction of the time an array literal of 20,000 rows takes, and
 * decoding it is one `Buffer.from(base64)`. A feature is looked up by the 32-bit FNV-1a
 * hash of its name (`hashName`), computed from `names` when the model is built.
 */
export interface LinearModelData {
  /** What the file holds, so a wrong file is refused with a clear message. */
  kind: string;
  /** The file format: 2 (the rows of format 1, `[name, ...weights]`, are no longer read). */
  format: 2;
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
  /** The feature names joined by `\n`, in row order: what explanations name. */
  names: string;
}

/** The format `LinearModel` reads and `npm run train` writes. */
export const MODEL_FORMAT = 2;

/** The largest stored integer of a weight: `scale` is the largest |weight| over this. */
export const WEIGHT_STEPS = 32767;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const BIG_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 0;

/**
 * The stored integers of a file's little-endian Int16s, by a typed-array view (`readInt16LE`
 * a weight at a time took several times as long for the 18,500 of the spam model).
 */
function decodeIntegers(bytes: Buffer): Int16Array {
  // A buffer from Node's pool may start at an odd byte: an Int16Array needs an even one.
  const aligned = bytes.byteOffset % 2 === 0 ? bytes : Buffer.from(new Uint8Array(bytes).buffer);
  if (BIG_ENDIAN) aligned.swap16();
  return new Int16Array(aligned.buffer, aligned.byteOffset, aligned.length / 2);
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
  /** Where feature k's name starts in `data.names`; the next one starts past its line break. */
  private readonly nameStarts: Int32Array;

  /** Builds the model of a file, or throws an error naming what is wrong with it (the file may be a team's). */
  constructor(readonly data: LinearModelData) {
    const fail = (problem: string): never => {
      throw new Error(`model ${typeof data?.kind === 'string' ? `${data.kind} ` : ''}${problem}`);
    };
    if (typeof data !== 'object' || data === null || Array.isArray(data)) fail('is not a JSON object');
    if (typeof data.kind !== 'string') fail('has no "kind" (a string)');
    if (data.format !== MODEL_FORMAT) {
      fail(
        Array.isArray(data.weights)
          ? `is of format 1 (rows of weights), no longer read: train it again with npm run train, which writes format ${MODEL_FORMAT}`
          : `has format ${JSON.stringify(data.format)}, not ${MODEL_FORMAT}`,
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
    this.integers = decodeIntegers(bytes);

    // The names are hashed where they stand in the one string, none of them cut out; where
    // each starts is kept, for `nameOf`.
    const names = data.names;
    this.index = new HashIndex(count, FIRST_WEIGHT_LANE + width);
    const lanes = this.index.lanes;
    this.nameStarts = new Int32Array(count + 1);
    let row = 0;
    for (let start = 0; start <= names.length && names.length > 0; row++) {
      let end = names.indexOf('\n', start);
      if (end < 0) end = names.length;
      if (row >= count) fail(`has more names than the ${count} features of "weights"`);
      if (end === start) fail(`feature ${row + 1} of "names" is empty`);
      const hash = hashMore(hashStart, names, start, end) >>> 0;
      const existing = this.rowOf(hash);
      if (existing >= 0) fail(`features "${this.nameOf(existing)}" and "${names.slice(start, end)}" share a hash`);
      const lane = this.index.laneOf(this.index.set(hash, row)) + FIRST_WEIGHT_LANE;
      for (let k = 0; k < width; k++) lanes[lane + k] = this.integers[row * width + k];
      this.nameStarts[row] = start;
      start = end + 1;
      this.nameStarts[row + 1] = start;
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

  /** The name of a feature row, for explanations: cut from `data.names` when asked for, as scoring needs only the hashes. */
  nameOf(row: number): string {
    return this.data.names.slice(this.nameStarts[row], this.nameStarts[row + 1] - 1);
  }

  output(name: string): number {
    const index = this.outputs.indexOf(name);
    if (index < 0) throw new Error(`model ${this.data.kind} has no output "${name}"`);
    return index;
  }
}

/** Where a known feature of a text first stands: what explanations read. */
export interface Located {
  row: number;
  start: number;
  end: number;
}

/**
 * Sums the weights of the features of one text, each feature once. It reads its model's
 * index, each slot holding beside the hash the stamp of the last text that counted the
 * feature (this scorer's lane) and the feature's stored integers, so that adding a feature
 * reads one slot (see `HashIndex`); a stamp tells a feature already counted in this text
 * without a set per text (linting is synchronous, so one scorer per model is never shared).
 * It also notes where each feature stood, so that explaining a finding needs no second pass.
 */
export class LinearScorer {
  private readonly index: HashIndex;
  private readonly lanes: Int16Array;
  /** The texts begun: what `locatedIn` tells them apart by, as stamps come round again. */
  private texts = 0;
  private stamp = 0;
  readonly logits: Float64Array;
  /** The slots of the features found, not their rows: a row is read apart, and only to explain. */
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

  /** Starts a text; returns its number, for `locatedIn`. */
  begin(): number {
    this.logits.set(this.model.bias);
    this.found = 0;
    // Stamps are Int16s: past the largest, every slot's is cleared and counting starts again.
    if (++this.stamp === 0x8000) {
      this.index.clearLane(STAMP_LANE);
      this.stamp = 1;
    }
    return ++this.texts;
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

  /** Where each known feature of the text `begin` numbered `text` first stood; undefined once another text has begun. */
  locatedIn(text: number): Located[] | undefined {
    if (text !== this.texts) return undefined;
    // A plain loop: `Array.from` with a mapping function took most of an explanation's time.
    const located: Located[] = new Array(this.found);
    for (let i = 0; i < this.found; i++) located[i] = { row: this.index.valueAt(this.foundSlots[i]), start: this.foundStarts[i], end: this.foundEnds[i] };
    return located;
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

export function sigmoid(logit: number): number {
  return 1 / (1 + Math.exp(-logit));
}
