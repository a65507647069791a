import gsm7 from './gsm7.json';
import { PLACEHOLDER_MASK } from '../text';

/** Septets a GSM-7 character costs: 1 in the basic table, 2 in the extension table (ESC + code). */
export const EXTENSION_SEPTETS = 2;

const BASIC = new Set(gsm7.basic);
const EXTENSION = new Set(gsm7.extension);

function classOf(chars: string): string {
  return [...chars].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
}

/**
 * A character outside both GSM-7 tables. The placeholder mask counts as GSM-7 here: a
 * placeholder's value is judged from its variable's schema, not from its name.
 */
export const NON_GSM7 = new RegExp(`[^${classOf(gsm7.basic + gsm7.extension + PLACEHOLDER_MASK)}]`);
/** Runs of characters outside GSM-7, for one finding per run. */
export const NON_GSM7_RUN = new RegExp(`${NON_GSM7.source}+`, 'g');
const EXTENSION_CHAR = new RegExp(`[${classOf(gsm7.extension)}]`);
const EXTENSION_CHARS = new RegExp(EXTENSION_CHAR.source, 'g');

export function isGsm7Basic(char: string): boolean {
  return BASIC.has(char);
}

export function isGsm7Extension(char: string): boolean {
  return EXTENSION.has(char);
}

/**
 * A character other than LF, CR, the placeholder mask and printable ASCII but the backtick
 * (all GSM-7). Testing it first is ten times faster than the full class on ASCII text.
 */
const OUTSIDE_PLAIN_ASCII = /[^\n\r\x20-\x5f\x61-\x7e\uE000]/;

/** True when every character of `text` is in a GSM-7 table (placeholder masks included). */
export function fitsGsm7(text: string): boolean {
  return !OUTSIDE_PLAIN_ASCII.test(text) || !NON_GSM7.test(text);
}

/** Septets of a text known to fit GSM-7. */
export function septetsOf(text: string): number {
  if (!EXTENSION_CHAR.test(text)) return text.length;
  return text.length + (text.match(EXTENSION_CHARS)?.length ?? 0) * (EXTENSION_SEPTETS - 1);
}
