import type { Template } from '../schemas/template';
import type { TextAnalysis } from '../text';
import type { Encoding, ResolvedConfig } from '../types';
import { fitsGsm7, isGsm7Extension, septetsOf, EXTENSION_SEPTETS } from './charset';
import { variablesInfo, type ValueBound } from './variables';

/** GSM 03.38 / AWS End User Messaging: characters in one SMS, and per part once split (6-7 go to the UDH). */
export const GSM7_SINGLE = 160;
export const GSM7_PART = 153;
export const UCS2_SINGLE = 70;
export const UCS2_PART = 67;

/** The worst case over every placeholder's value, with what drove it. */
export interface Measurement {
  encoding: Encoding;
  segments: number;
  /** Septets (GSM-7) or UTF-16 units (UCS-2), sender prefix included. */
  length: number;
  /** The sender prefix added at send time, counted first. */
  prefix: string;
  /** Variables counted at their declared longest value. */
  boundedBy: string[];
  /** Variables whose schema lets them leave GSM-7. */
  ucs2By: string[];
  /** Placeholders with no declared length, counted as written (`{{name}}`). */
  unbounded: string[];
}

/** The sender prefix of the config with `{sender}` filled from the template (empty when it has no sender). */
export function senderPrefixOf(template: Template, config: ResolvedConfig): string {
  const prefix = config.senderPrefix ?? '';
  return prefix.includes('{sender}') ? prefix.replaceAll('{sender}', template.sender ?? '') : prefix;
}

/** The worst case of a body over its placeholders, sender prefix first: one per lint, shared through `ctx.measurement()`. */
export function measure(text: TextAnalysis, template: Template, config: ResolvedConfig): Measurement {
  const prefix = senderPrefixOf(template, config);
  const measurement: Measurement = { encoding: 'GSM-7', segments: 1, length: 0, prefix, boundedBy: [], ucs2By: [], unbounded: [] };
  const ucs2Text = !fitsGsm7(prefix) || !fitsGsm7(text.masked);
  if (text.placeholders.length === 0) {
    measurement.length = ucs2Text ? prefix.length + text.body.length : septetsOf(prefix) + septetsOf(text.body);
    return withSegments(measurement, ucs2Text);
  }
  const bounds = placeholderBounds(text, template);
  let ucs2 = ucs2Text;
  let written = 0;
  let septets = 0;
  let units = 0;
  const ucs2By = new Set<string>();
  const boundedBy = new Set<string>();
  const unbounded = new Set<string>();
  text.placeholders.forEach((placeholder, index) => {
    const bound = bounds[index];
    const length = placeholder.end - placeholder.start;
    written += length;
    septets += bound.septets ?? length;
    units += bound.units ?? length;
    ucs2 ||= bound.mayBeUcs2;
    if (placeholder.name === '') return;
    if (bound.mayBeUcs2) ucs2By.add(placeholder.name);
    (bound.units === undefined ? unbounded : boundedBy).add(placeholder.name);
  });
  Object.assign(measurement, { ucs2By: [...ucs2By], boundedBy: [...boundedBy], unbounded: [...unbounded] });
  measurement.length = ucs2
    ? prefix.length + text.body.length - written + units
    : septetsOf(prefix) + septetsOf(text.masked) - written + septets;
  return withSegments(measurement, ucs2);
}

/** How many characters (septets or units) `limit` segments hold. */
export function capacity(encoding: Encoding, limit: number): number {
  if (encoding === 'GSM-7') return limit === 1 ? GSM7_SINGLE : limit * GSM7_PART;
  return limit === 1 ? UCS2_SINGLE : limit * UCS2_PART;
}

/**
 * The body offset where the worst-case text first exceeds `room` (prefix counted first):
 * where a reader should start cutting.
 */
export function offsetBeyond(text: TextAnalysis, template: Template, measurement: Measurement, room: number): number {
  const gsm = measurement.encoding === 'GSM-7';
  let used = gsm ? septetsOf(measurement.prefix) : measurement.prefix.length;
  if (used > room) return 0;
  const bounds = placeholderBounds(text, template);
  let next = 0;
  for (let i = 0; i < text.body.length; i++) {
    const placeholder = text.placeholders[next];
    if (placeholder && placeholder.start === i) {
      const bound = bounds[next];
      const written = placeholder.end - placeholder.start;
      used += (gsm ? bound.septets : bound.units) ?? written;
      if (used > room) return i;
      i = placeholder.end - 1;
      next++;
      continue;
    }
    used += gsm && isGsm7Extension(text.body[i]) ? EXTENSION_SEPTETS : 1;
    if (used > room) return i;
  }
  return text.body.length;
}

const UNDECLARED: ValueBound = { mayBeUcs2: false };

function placeholderBounds(text: TextAnalysis, template: Template): ValueBound[] {
  const info = template.variables ? variablesInfo(template.variables) : undefined;
  return text.placeholders.map((placeholder) => (info ? info.boundOf(placeholder.name) : UNDECLARED));
}

function withSegments(measurement: Measurement, ucs2: boolean): Measurement {
  measurement.encoding = ucs2 ? 'UCS-2' : 'GSM-7';
  const single = ucs2 ? UCS2_SINGLE : GSM7_SINGLE;
  const part = ucs2 ? UCS2_PART : GSM7_PART;
  measurement.segments = measurement.length <= single ? 1 : Math.ceil(measurement.length / part);
  return measurement;
}
