import { hashName } from './hash';
import { HashIndex } from './hash-index';

/**
 * A linear model with several outputs sharing one set of features (the decisions of a
 * check family: is there a request, is it explained, ...), as stored in a model file:
 * readable feature names, one weight per output. Features are present or absent: a
 * feature seen twice in a text counts once.
 */
export interface LinearModelData {
  /** What the file holds, so a wrong file is refused with a clear message. */
  kind: string;
  /** The outputs, in the order of each weight row: `["cta", "rationale", ...]`. */
  outputs: string[];
  bias: number[];
  /** One row per feature: its name, then one weight per output (rows keep the file readable and cheap to type-check). */
  weights: Array<[string, ...number[]]>;
  /** How it was trained: corpus, sizes, options; for people, never read by the engine. */
  trainedOn?: Record<string, unknown>;
}

export class LinearModel {
  readonly outputs: readonly string[];
  readonly bias: Float64Array;
  /** Row `k` holds feature k's weights, `outputs.length` of them. */
  readonly weights: Float64Array;
  /** Hash of a feature name → its row. */
  private readonly rows: HashIndex;
  private readonly names: string[] = [];

  constructor(readonly data: LinearModelData) {
    this.outputs = data.outputs;
    this.bias = Float64Array.from(data.bias);
    const width = this.outputs.length;
    this.weights = new Float64Array(data.weights.length * width);
    this.rows = new HashIndex(data.weights.length);
    // Read in place: a rest copy of each of 20,000 rows was most of the garbage of a first lint.
    const rows = data.weights;
    for (let row = 0; row < rows.length; row++) {
      const entry = rows[row];
      const name = entry[0];
      const hash = hashName(name);
      const existing = this.rowOf(hash);
      if (existing >= 0) throw new Error(`model ${data.kind}: features "${this.names[existing]}" and "${name}" share a hash`);
      if (entry.length !== width + 1) throw new Error(`model ${data.kind}: feature "${name}" has ${entry.length - 1} weights for ${width} outputs`);
      this.rows.set(hash, row);
      this.names.push(name);
      for (let k = 0; k < width; k++) this.weights[row * width + k] = entry[k + 1] as number;
    }
  }

  /** The row of a hashed feature, or -1 when the model never learned it. */
  rowOf(hash: number): number {
    return this.rows.get(hash);
  }

  nameOf(row: number): string {
    return this.names[row];
  }

  get size(): number {
    return this.names.length;
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
 * Sums the weights of the features of one text, each feature once: a scratch table of
 * stamps, one per feature row, tells a feature already counted in this text without a
 * set per text (linting is synchronous, so one scorer per model is never shared). It also
 * notes where each feature stood, so that explaining a finding needs no second pass.
 */
export class LinearScorer {
  private readonly stamps: Uint32Array;
  private stamp = 0;
  readonly logits: Float64Array;
  private readonly foundRows: Int32Array;
  private readonly foundStarts: Int32Array;
  private readonly foundEnds: Int32Array;
  private found = 0;

  constructor(readonly model: LinearModel) {
    this.stamps = new Uint32Array(model.size);
    this.logits = new Float64Array(model.outputs.length);
    this.foundRows = new Int32Array(model.size);
    this.foundStarts = new Int32Array(model.size);
    this.foundEnds = new Int32Array(model.size);
  }

  /** Starts a text; returns its stamp, for `locatedIn`. */
  begin(): number {
    this.logits.set(this.model.bias);
    this.found = 0;
    if (++this.stamp === 0xffffffff) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
    return this.stamp;
  }

  /** Adds a feature's weights, and where it stands, unless it was added already. */
  add(hash: number, _value = 1, start = 0, end = 0): void {
    const row = this.model.rowOf(hash);
    if (row < 0 || this.stamps[row] === this.stamp) return;
    this.stamps[row] = this.stamp;
    const width = this.logits.length;
    const weights = this.model.weights;
    for (let k = 0, at = row * width; k < width; k++, at++) this.logits[k] += weights[at];
    this.foundRows[this.found] = row;
    this.foundStarts[this.found] = start;
    this.foundEnds[this.found++] = end;
  }

  /** Where each known feature of the text begun with `stamp` first stood; undefined once another text has begun. */
  locatedIn(stamp: number): Located[] | undefined {
    if (stamp !== this.stamp) return undefined;
    return Array.from({ length: this.found }, (_, i) => ({ row: this.foundRows[i], start: this.foundStarts[i], end: this.foundEnds[i] }));
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
  const scorer = new LinearScorer(model);
  scorers.set(data, scorer);
  return scorer;
}

export function sigmoid(logit: number): number {
  return 1 / (1 + Math.exp(-logit));
}
