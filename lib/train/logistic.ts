/**
 * L2-regularised logistic regression, trained full-batch with Adam for a fixed number of
 * steps: no sampling and no random start, so the same data gives the same weights on
 * every machine.
 */

/** One example: its feature indices (into the training vocabulary) and their values. */
export interface SparseExample {
  indices: Int32Array;
  values: Float64Array;
}

export interface LogisticOptions {
  /** Strength of the L2 penalty, per example (the bias is not penalised). */
  l2: number;
  steps: number;
  learningRate: number;
}

export const defaultLogisticOptions: LogisticOptions = { l2: 0.01, steps: 400, learningRate: 0.1 };

export interface LogisticWeights {
  bias: number;
  weights: Float64Array;
}

/**
 * Fits weights for `labels` (0 or 1) over `examples`; `features` is the vocabulary size.
 * `penalty` scales the L2 penalty per feature (default 1 each): a group that should only
 * speak when the data insists (words, against the analysis's cues) gets a larger one.
 */
export function trainLogistic(
  examples: readonly SparseExample[],
  labels: readonly number[],
  features: number,
  options: LogisticOptions = defaultLogisticOptions,
  penalty?: Float64Array,
): LogisticWeights {
  const n = examples.length;
  const weights = new Float64Array(features);
  let bias = 0;
  const gradient = new Float64Array(features);
  const m = new Float64Array(features + 1);
  const v = new Float64Array(features + 1);
  const beta1 = 0.9;
  const beta2 = 0.999;
  const epsilon = 1e-8;
  for (let step = 1; step <= options.steps; step++) {
    gradient.fill(0);
    let biasGradient = 0;
    for (let k = 0; k < n; k++) {
      const { indices, values } = examples[k];
      let logit = bias;
      for (let j = 0; j < indices.length; j++) logit += weights[indices[j]] * values[j];
      const error = 1 / (1 + Math.exp(-logit)) - labels[k];
      biasGradient += error;
      for (let j = 0; j < indices.length; j++) gradient[indices[j]] += error * values[j];
    }
    const correction1 = 1 - Math.pow(beta1, step);
    const correction2 = 1 - Math.pow(beta2, step);
    for (let i = 0; i <= features; i++) {
      const g = i === features ? biasGradient / n : gradient[i] / n + options.l2 * (penalty ? penalty[i] : 1) * weights[i];
      m[i] = beta1 * m[i] + (1 - beta1) * g;
      v[i] = beta2 * v[i] + (1 - beta2) * g * g;
      const update = (options.learningRate * (m[i] / correction1)) / (Math.sqrt(v[i] / correction2) + epsilon);
      if (i === features) bias -= update;
      else weights[i] -= update;
    }
  }
  return { bias, weights };
}
