import type { Encoding } from '../types';

/** Placeholder until the SMS rules land: counts GSM-7 as if every character fitted. */
export function measureBody(body: string): { encoding: Encoding; segments: number } {
  return { encoding: 'GSM-7', segments: body.length <= 160 ? 1 : Math.ceil(body.length / 153) };
}
