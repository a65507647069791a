import { analyseText, type InputProblem } from '../engine';
import { escapePointer } from './json';

/**
 * Fills each `{{ name }}` of `body` with its value; a dotted name walks nested objects.
 * Returns the text, or the problems naming each missing or unusable value by JSON pointer.
 */
export function renderBody(body: string, variables: Record<string, unknown>): { text: string } | { problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  let text = '';
  let copiedUpTo = 0;
  for (const placeholder of analyseText(body).placeholders) {
    const names = placeholder.name.split('.');
    const path = `/variables/${names.map(escapePointer).join('/')}`;
    const value = lookUp(variables, names);
    if (value === undefined) problems.push({ path, message: 'is required by the template' });
    else if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      problems.push({ path, message: 'must be a string, a number or a boolean' });
    } else text += body.slice(copiedUpTo, placeholder.start) + String(value);
    copiedUpTo = placeholder.end;
  }
  return problems.length > 0 ? { problems } : { text: text + body.slice(copiedUpTo) };
}

/** Own properties only: `{{ constructor.name }}` must not reach a prototype. */
function lookUp(root: unknown, names: string[]): unknown {
  let value = root;
  for (const name of names) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, name)) return undefined;
    value = (value as Record<string, unknown>)[name];
  }
  return value;
}

/** `+33612345678` → `+33*******78`: the country code and the last two digits, for support. */
export function maskPhoneNumber(number: string): string {
  return number.slice(0, 3) + '*'.repeat(Math.max(0, number.length - 5)) + number.slice(-2);
}
