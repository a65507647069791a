import { BARE_ORDER_FEATURE, TONE_OUTPUTS, createLinter, encodeLinearModel, type LinearModelData, type TrainedLinearModel, type Linter, type LocaleData, type ToneOutput } from '../engine';
import { TONE_CHECKS, expectedFiring, languageOf, type LabelledTemplate, type ToneCheck } from './corpus';
import { trainLogistic, type SparseExample } from './logistic';
import { groupFolds, score, type Score } from './metrics';

export interface ToneTrainingOptions {
  /** A feature is kept when at least this many training templates have it. */
  minCount: number;
  l2: number;
  steps: number;
  learningRate: number;
  /**
   * A feature whose weights are all smaller than this is dropped from the file. The default,
   * 0.02, keeps the cross-validated F1 of 0.001 with a tenth fewer features: a smaller file,
   * and a smaller table for the lookup of every word's features.
   */
  prune: number;
  /** How much more the words are penalised than the analysis's cues. */
  wordPenalty: number;
}

export const defaultToneTrainingOptions: ToneTrainingOptions = { minCount: 2, l2: 0.01, steps: 300, learningRate: 0.05, prune: 0.02, wordPenalty: 0.5 };

/** A template with its features, read once: training and cross-validation reuse them. */
export interface Featured {
  item: LabelledTemplate;
  features: Map<string, number>;
}

export function featurize(items: readonly LabelledTemplate[], linter: Linter = createLinter()): Featured[] {
  return items.map((item) => {
    const { labels: _labels, note: _note, ...template } = item;
    return { item, features: linter.toneFeatures(template) };
  });
}

/** The label of an output on an item, or null where it does not apply (no request, promotional). */
function labelOf(item: LabelledTemplate, output: ToneOutput): number | null {
  const { labels } = item;
  switch (output) {
    case 'cta':
      return labels.cta ? 1 : 0;
    case 'directive':
      return labels.directive ? 1 : 0;
    case 'rationale':
      return labels.rationale === null ? null : labels.rationale ? 1 : 0;
    case 'consequence':
      return labels.consequence === null || item.category !== 'transactional' ? null : labels.consequence ? 1 : 0;
  }
}

/** Folds of the inner cross-validation that gives the directive decision honest bare-order readings. */
const STACK_FOLDS = 5;

/** The training vocabulary and the sparse rows of the examples. */
export interface Design {
  vocabulary: string[];
  examples: SparseExample[];
  penalty: Float64Array;
}

export function design(featured: readonly { features: ReadonlyMap<string, number> }[], options: Pick<ToneTrainingOptions, 'minCount' | 'wordPenalty'>): Design {
  const counts = new Map<string, number>();
  for (const { features } of featured) for (const name of features.keys()) counts.set(name, (counts.get(name) ?? 0) + 1);
  const vocabulary = [...counts].filter(([, count]) => count >= options.minCount).map(([name]) => name).sort();
  const indexOf = new Map(vocabulary.map((name, index) => [name, index]));
  const examples = featured.map(({ features }) => {
    const indices: number[] = [];
    for (const name of features.keys()) {
      const index = indexOf.get(name);
      if (index !== undefined) indices.push(index);
    }
    return { indices: Int32Array.from(indices), values: new Float64Array(indices.length).fill(1) };
  });
  const penalty = Float64Array.from(vocabulary, (name) => (isCue(name) ? 1 : options.wordPenalty));
  return { vocabulary, examples, penalty };
}

/** Fits one output over the templates it applies to; `extra` adds one more feature (index `vocabulary.length`). */
function fitOutput(featured: readonly Featured[], { vocabulary, examples, penalty }: Design, output: ToneOutput, options: ToneTrainingOptions, extra?: readonly number[]) {
  const chosen: SparseExample[] = [];
  const labels: number[] = [];
  featured.forEach(({ item }, k) => {
    const label = labelOf(item, output);
    if (label === null) return;
    const example = examples[k];
    chosen.push(extra ? { indices: Int32Array.from([...example.indices, vocabulary.length]), values: Float64Array.from([...example.values, extra[k]]) } : example);
    labels.push(label);
  });
  const width = vocabulary.length + (extra ? 1 : 0);
  return trainLogistic(chosen, labels, width, options, extra ? Float64Array.from([...penalty, 1]) : penalty);
}

function probability(fitted: { bias: number; weights: Float64Array }, example: SparseExample): number {
  let logit = fitted.bias;
  for (let j = 0; j < example.indices.length; j++) logit += fitted.weights[example.indices[j]] * example.values[j];
  return 1 / (1 + Math.exp(-logit));
}

/** The bare-order reading of a template: it asks with an order, and P(request) × P(no reason). */
function bareOrder(hasOrder: boolean, cta: number, rationale: number): number {
  return hasOrder ? cta * (1 - rationale) : 0;
}

/**
 * Each template's bare-order reading from request and reason models that never saw it
 * (inner folds by sender): the directive decision learns how much to trust the reading
 * as it will be at lint time, not as it is on templates the models fitted.
 */
function outOfFoldBareOrders(featured: readonly Featured[], options: ToneTrainingOptions): number[] {
  const folds = groupFolds(featured.map(({ item }) => groupOf(item)), STACK_FOLDS);
  const readings = new Array<number>(featured.length).fill(0);
  for (let fold = 0; fold < STACK_FOLDS; fold++) {
    const inside = featured.filter(({ item }) => folds.get(groupOf(item)) !== fold);
    const matrix = design(inside, options);
    const cta = fitOutput(inside, matrix, 'cta', options);
    const rationale = fitOutput(inside, matrix, 'rationale', options);
    const indexOf = new Map(matrix.vocabulary.map((name, index) => [name, index]));
    featured.forEach(({ item, features }, k) => {
      if (folds.get(groupOf(item)) !== fold) return;
      const indices = [...features.keys()].flatMap((name) => (indexOf.has(name) ? [indexOf.get(name)!] : []));
      const example = { indices: Int32Array.from(indices), values: new Float64Array(indices.length).fill(1) };
      readings[k] = bareOrder(features.has(ORDER_CUE), probability(cta, example), probability(rationale, example));
    });
  }
  return readings;
}

/** The cue of a request phrased as an order (see `toneFeatures`). */
const ORDER_CUE = 'c=cta.order';

/** Trains one language's tone model (every item must be of that language). */
export function trainToneModel(
  featured: readonly Featured[],
  options: ToneTrainingOptions = defaultToneTrainingOptions,
  trainedOn: Record<string, unknown> = {},
): LinearModelData {
  const matrix = design(featured, options);
  const fitted = TONE_OUTPUTS.map((output) =>
    output === 'directive' ? fitOutput(featured, matrix, output, options, outOfFoldBareOrders(featured, options)) : fitOutput(featured, matrix, output, options),
  );
  const features: TrainedLinearModel['features'][number][] = [];
  matrix.vocabulary.forEach((name, index) => {
    const weights = fitted.map(({ weights: column }) => column[index]);
    // Kept as before the file stored Int16s: a feature with a weight of at least `prune` at 4 decimals.
    if (weights.some((weight) => Math.abs(round(weight)) >= options.prune)) features.push({ name, weights });
  });
  features.push({ name: BARE_ORDER_FEATURE, weights: TONE_OUTPUTS.map((output, k) => (output === 'directive' ? fitted[k].weights[matrix.vocabulary.length] : 0)) });
  return encodeLinearModel({
    kind: 'tone',
    outputs: [...TONE_OUTPUTS],
    bias: fitted.map(({ bias }) => round(bias)),
    features,
    trainedOn: { templates: featured.length, ...options, ...trainedOn },
  });
}

/** A feature of the analysis (a cue, the category), not a word of the text. */
function isCue(name: string): boolean {
  return name.startsWith('c=') || name.startsWith('cat=');
}

export function round(weight: number): number {
  return Math.round(weight * 10000) / 10000;
}

/** Which checks fire on an item when linted with `model` in place of its language's shipped one. */
export function firingChecks(item: LabelledTemplate, linter: Linter): Record<ToneCheck, boolean> {
  const { labels: _labels, note: _note, ...template } = item;
  const fired = new Set(linter.lint(template).findings.map((finding) => finding.ruleId));
  return Object.fromEntries(TONE_CHECKS.map((check) => [check, fired.has(check)])) as Record<ToneCheck, boolean>;
}

/** A linter of one language whose tone model is `model`. */
export function linterWithModel(base: LocaleData, model: LinearModelData): Linter {
  return createLinter({ locales: [{ ...base, toneModel: model }] });
}

export interface Prediction {
  item: LabelledTemplate;
  fired: Record<ToneCheck, boolean>;
}

/**
 * k-fold cross-validation grouped by sender (near-miss pairs share one): each item is
 * predicted by a model that never saw it nor its twin.
 */
export function crossValidate(featured: readonly Featured[], locale: LocaleData, k = 10, options = defaultToneTrainingOptions): Prediction[] {
  const folds = groupFolds(
    featured.map(({ item }) => groupOf(item)),
    k,
  );
  const predictions: Prediction[] = [];
  for (let fold = 0; fold < k; fold++) {
    const training = featured.filter(({ item }) => folds.get(groupOf(item)) !== fold);
    const linter = linterWithModel(locale, trainToneModel(training, options));
    for (const { item } of featured.filter(({ item }) => folds.get(groupOf(item)) === fold)) predictions.push({ item, fired: firingChecks(item, linter) });
  }
  return predictions;
}

function groupOf(item: LabelledTemplate): string {
  return item.sender ?? item.id ?? item.body;
}

/** Precision, recall and F1 of each check over predictions. */
export function scoreChecks(predictions: readonly Prediction[]): Record<ToneCheck, Score> {
  return Object.fromEntries(
    TONE_CHECKS.map((check) => [check, score(predictions.map(({ item, fired }) => ({ fired: fired[check], expected: expectedFiring[check](item) })))]),
  ) as Record<ToneCheck, Score>;
}

export function byLanguage<T extends { item: LabelledTemplate }>(entries: readonly T[], language: string): T[] {
  return entries.filter(({ item }) => languageOf(item) === language);
}
