import { hashName } from './hash';
import { FRONT_CODE_LONGEST, FRONT_CODE_RESTART, FRONT_CODE_ZERO, LinearModel, MODEL_FORMAT, WEIGHT_STEPS, type LinearModelData } from './linear';

/** A trained model before it is written: its kept features, each with one weight per output. */
export interface TrainedLinearModel {
  kind: string;
  outputs: string[];
  bias: number[];
  features: ReadonlyArray<{ name: string; weights: readonly number[] }>;
  trainedOn: Record<string, unknown>;
}

/**
 * A model in the file format the engine reads (`LinearModelData`, format 4), as `npm run train` writes it: the weights
 * quantized to Int16 with one scale for the model (the largest |weight| / 32767, so a step
 * is about 0.00005 for weights up to 1.9), each rounded to the nearest step; the features
 * sorted by name, the names front-coded one a line, with their hashes. The fields are in the order people read
 * them: what the file is and how it was made first, the long strings last.
 */
export function encodeLinearModel({ kind, outputs, bias, features: given, trainedOn }: TrainedLinearModel): LinearModelData {
  const width = outputs.length;
  const features = [...given].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  let largest = 0;
  for (const { name, weights } of features) {
    if (weights.length !== width) throw new Error(`model ${kind}: feature "${name}" has ${weights.length} weights for ${width} outputs`);
    if (name === '' || name.includes('\n')) throw new Error(`model ${kind}: feature ${JSON.stringify(name)}: a name is one line, not empty`);
    for (const weight of weights) largest = Math.max(largest, Math.abs(weight));
  }
  const scale = largest / WEIGHT_STEPS;
  const bytes = Buffer.alloc(features.length * width * 2);
  features.forEach(({ weights }, row) => {
    weights.forEach((weight, k) => {
      const steps = scale === 0 ? 0 : Math.max(-WEIGHT_STEPS, Math.min(WEIGHT_STEPS, Math.round(weight / scale)));
      bytes.writeInt16LE(steps, 2 * (row * width + k));
    });
  });
  const hashes = Buffer.alloc(features.length * 4);
  features.forEach(({ name }, row) => hashes.writeUInt32LE(hashName(name), 4 * row));
  return {
    kind,
    format: MODEL_FORMAT,
    outputs,
    bias,
    trainedOn,
    scale,
    weights: bytes.toString('base64'),
    hashes: hashes.toString('base64'),
    names: frontCoded(features.map(({ name }) => name)),
  };
}

/** Sorted names, one a line, each as its front code (the length it shares with the one before, see `LinearModelData.names`) and the rest. */
function frontCoded(names: readonly string[]): string {
  return names
    .map((name, row) => {
      let shared = 0;
      if (row % FRONT_CODE_RESTART !== 0) {
        const before = names[row - 1];
        const longest = Math.min(before.length, name.length - 1, FRONT_CODE_LONGEST);
        while (shared < longest && before.charCodeAt(shared) === name.charCodeAt(shared)) shared++;
      }
      return String.fromCharCode(FRONT_CODE_ZERO + shared) + name.slice(shared);
    })
    .join('\n');
}

/** A model file as people compare them: its fields, the names as a list and the weights as numbers (the stored integers × scale), without the hashes of the names. */
export function decodeLinearModel(data: LinearModelData): Omit<LinearModelData, 'names' | 'weights' | 'hashes'> & { names: string[]; weights: number[] } {
  const model = new LinearModel(data);
  const { hashes: _hashes, ...fields } = data;
  return { ...fields, names: Array.from({ length: model.size }, (_, row) => model.nameOf(row)), weights: Array.from(model.integers, (integer) => integer * model.scale) };
}
