import { septetsOf } from '../engine/sms/charset';
import { analyseText } from '../engine/text';
import type { Encoding } from '../engine';

/**
 * Characters per segment, single and per part (GSM 03.38). The same figures as the engine's
 * `sms/segments.ts`, restated because importing that module would bundle ajv into the page.
 */
const SEGMENT_SIZES: Record<Encoding, { single: number; part: number }> = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
};

export interface SegmentUsage {
  /** Units used in the last segment and units left in it. */
  used: number;
  left: number;
}

/**
 * How full the last segment is, in the worst case the service counted: each declared
 * placeholder stands for its longest value, `segments` and `encoding` come from the lint result.
 */
export function segmentUsage(body: string, maxLengths: ReadonlyMap<string, number>, encoding: Encoding, segments: number): SegmentUsage {
  const units = worstCaseUnits(body, maxLengths, encoding);
  const size = SEGMENT_SIZES[encoding];
  if (segments <= 1) return { used: units, left: Math.max(size.single - units, 0) };
  const used = Math.min(Math.max(units - (segments - 1) * size.part, 0), size.part);
  return { used, left: size.part - used };
}

function worstCaseUnits(body: string, maxLengths: ReadonlyMap<string, number>, encoding: Encoding): number {
  let units = 0;
  let last = 0;
  for (const placeholder of analyseText(body).placeholders) {
    const maxLength = maxLengths.get(placeholder.name);
    if (maxLength === undefined) continue;
    units += unitsOf(body.slice(last, placeholder.start), encoding) + maxLength;
    last = placeholder.end;
  }
  return units + unitsOf(body.slice(last), encoding);
}

function unitsOf(text: string, encoding: Encoding): number {
  return encoding === 'UCS-2' ? text.length : septetsOf(text);
}
