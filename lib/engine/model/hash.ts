/**
 * Feature hashing: a feature is named by a string ("w=call", "cue=rationale.before"), and
 * looked up by the 32-bit FNV-1a hash of that string. Training keeps the names (the model
 * file is readable and explainable); linting hashes the text in place, streaming the same
 * bytes, so no feature name is ever built on the hot path.
 */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The hash state after `text`, continuing from `state` (start from `hashStart`). */
export function hashMore(state: number, text: string, start = 0, end = text.length): number {
  let h = state;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

export function hashCode(state: number, code: number): number {
  return Math.imul(state ^ code, FNV_PRIME);
}

export const hashStart = FNV_OFFSET;

/** The hash of a whole feature name, as the model file stores it. */
export function hashName(name: string): number {
  return hashMore(FNV_OFFSET, name) >>> 0;
}
