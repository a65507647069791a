import type { Template } from '../schemas/template';
import type { TextAnalysis } from '../text';
import type { Encoding, Part, ResolvedConfig } from '../types';
import { fitsGsm7, isGsm7Extension, septetsOf, EXTENSION_SEPTETS } from './charset';
import { variablesInfo, type ValueBound } from './variables';

/**
 * 3GPP TS 23.038 / TS 23.040: septets (GSM-7) or UTF-16 units (UCS-2) in one SMS, and per part
 * once concatenated (the user data header takes 6-7 bytes of the 140).
 */
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
  /**
   * The parts as sent, when the body has no placeholders (with them, the worst case is a count,
   * not a cut) and fits in `MAX_PARTS`.
   */
  parts?: Part[];
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
    measurement.encoding = ucs2Text ? 'UCS-2' : 'GSM-7';
    measurement.length = ucs2Text ? prefix.length + text.body.length : septetsOf(prefix) + septetsOf(text.body);
    return withSegments(measurement, text, template);
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
  measurement.encoding = ucs2 ? 'UCS-2' : 'GSM-7';
  measurement.length = ucs2
    ? prefix.length + text.body.length - written + units
    : septetsOf(prefix) + septetsOf(text.masked) - written + septets;
  return withSegments(measurement, text, template);
}

/**
 * The body offset where the worst-case text first needs more than `limit` parts (prefix
 * counted first): where a reader should start cutting. Cut there, the text fits: in one
 * message of 160 septets / 70 units for a limit of 1, else in `limit` parts packed as sent.
 */
export function offsetBeyond(text: TextAnalysis, template: Template, measurement: Measurement, limit: number): number {
  const sizes = SIZES[measurement.encoding];
  const parts = pack(text, template, measurement, limit === 1 ? sizes.single : sizes.part);
  return parts[limit]?.start ?? text.body.length;
}

/**
 * The most parts one message can be sent as: the concatenation header numbers them in one
 * octet (3GPP TS 23.040 9.2.3.24.1). A longer body has its count but no cut to show.
 */
export const MAX_PARTS = 255;

const SIZES: Record<Encoding, { single: number; part: number }> = {
  'GSM-7': { single: GSM7_SINGLE, part: GSM7_PART },
  'UCS-2': { single: UCS2_SINGLE, part: UCS2_PART },
};

const UNDECLARED: ValueBound = { mayBeUcs2: false };

function placeholderBounds(text: TextAnalysis, template: Template): ValueBound[] {
  const info = template.variables ? variablesInfo(template.variables) : undefined;
  return text.placeholders.map((placeholder) => (info ? info.boundOf(placeholder.name) : UNDECLARED));
}

function withSegments(measurement: Measurement, text: TextAnalysis, template: Template): Measurement {
  const sizes = SIZES[measurement.encoding];
  const single = measurement.length <= sizes.single;
  if (text.placeholders.length === 0) {
    const parts = single ? [{ start: 0, end: text.body.length, units: measurement.length }] : pack(text, template, measurement, sizes.part);
    measurement.segments = parts.length;
    if (parts.length <= MAX_PARTS) measurement.parts = parts;
  } else {
    measurement.segments = single ? 1 : pack(text, template, measurement, sizes.part).length;
  }
  return measurement;
}

/**
 * Packs the worst-case text into parts of `size` as a sending platform does (3GPP TS 23.038,
 * TS 23.040 9.2.3.24): each part takes what fits, and a character that does not fit whole (an
 * extension character's escape pair, a surrogate pair) goes to the next part, leaving one unit
 * empty. A placeholder's value fills parts at its longest; when it may hold such a character
 * (an extension character in GSM-7, an emoji in UCS-2), one lands on each boundary at worst.
 */
function pack(text: TextAnalysis, template: Template, measurement: Measurement, size: number): Part[] {
  const gsm = measurement.encoding === 'GSM-7';
  const parts: Part[] = [];
  let current: Part = { start: 0, end: 0, units: 0 };
  const add = (start: number, end: number, cost: number, splits: 'never' | 'anywhere' | 'straddling') => {
    while (current.units + cost > size) {
      const room = size - current.units;
      const taken = splits === 'never' ? 0 : splits === 'straddling' && room > 0 ? room - 1 : room;
      if (taken > 0) {
        current.units += taken;
        current.end = end;
      }
      cost -= taken;
      parts.push(current);
      current = { start, end: start, units: 0 };
    }
    current.units += cost;
    current.end = end;
  };
  for (const char of measurement.prefix) add(0, 0, gsm ? (isGsm7Extension(char) ? EXTENSION_SEPTETS : 1) : char.length, 'never');
  const body = text.body;
  const bounds = text.placeholders.length > 0 ? placeholderBounds(text, template) : [];
  const info = template.variables && text.placeholders.length > 0 ? variablesInfo(template.variables) : undefined;
  let next = 0;
  for (let i = 0; i < body.length; i++) {
    const placeholder = text.placeholders[next];
    if (placeholder && placeholder.start === i) {
      const bound = bounds[next];
      const written = placeholder.end - placeholder.start;
      const cost = (gsm ? bound.septets : bound.units) ?? written;
      const straddles = gsm ? mayHoldExtension(bound, info?.schemaOf(placeholder.name)) : bound.mayBeUcs2;
      add(placeholder.start, placeholder.end, cost, straddles ? 'straddling' : 'anywhere');
      i = placeholder.end - 1;
      next++;
    } else if (gsm) {
      add(i, i + 1, isGsm7Extension(body[i]) ? EXTENSION_SEPTETS : 1, 'never');
    } else if (isHighSurrogate(body.charCodeAt(i)) && isLowSurrogate(body.charCodeAt(i + 1))) {
      add(i, i + 2, 2, 'never');
      i++;
    } else {
      add(i, i + 1, 1, 'never');
    }
  }
  parts.push(current);
  return parts;
}

/** A GSM-7 value that may hold an extension character (2 septets), which could straddle a boundary. */
function mayHoldExtension(bound: ValueBound, schema: Record<string, unknown> | undefined): boolean {
  if (bound.septets === undefined || bound.units === undefined) return false;
  if (bound.septets > bound.units) return true;
  // An enum's longest values in septets and in characters may differ: look at each value.
  const values = Array.isArray(schema?.enum) ? schema.enum : schema && 'const' in schema ? [schema.const] : [];
  return values.some((value) => {
    const written = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
    return septetsOf(written) > written.length;
  });
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
