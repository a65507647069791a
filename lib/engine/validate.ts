import type { ErrorObject, ValidateFunction } from 'ajv';
import { NOT_BLANK } from './schemas/template';

/** One problem with an input, named by the JSON pointer of the field (`/locale`, `/suppress/0/reason`). */
export type { ValidateFunction };

export interface InputProblem {
  path: string;
  message: string;
}

/** Thrown for an input that does not fit its schema; `problems` name every bad field. */
export class InputError extends Error {
  constructor(
    readonly what: string,
    readonly problems: InputProblem[],
  ) {
    super(`invalid ${what}: ${problems.map((p) => `${p.path || '(root)'} ${p.message}`).join('; ')}`);
    this.name = 'InputError';
  }
}

export function problemsOf(errors: ErrorObject[] | null | undefined): InputProblem[] {
  return (errors ?? []).map((error) => {
    if (error.keyword === 'additionalProperties') {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      return { path: `${error.instancePath}/${escapePointer(extra)}`, message: 'is not allowed' };
    }
    if (error.keyword === 'required') {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      return { path: `${error.instancePath}/${escapePointer(missing)}`, message: 'is required' };
    }
    if (error.keyword === 'pattern' && (error.params as { pattern: string }).pattern === NOT_BLANK) {
      return { path: error.instancePath, message: 'must not be empty or blank' };
    }
    if (error.keyword === 'enum') {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
      return { path: error.instancePath, message: `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}` };
    }
    return { path: error.instancePath, message: error.message ?? 'is invalid' };
  });
}

/** Validates `value`, throwing an `InputError` naming each bad field. */
export function assertValid<T>(validate: ValidateFunction<T>, value: unknown, what: string): T {
  if (!validate(value)) throw new InputError(what, problemsOf(validate.errors));
  return value;
}

/** C0 and C1 controls but the line feed, and a carriage return not followed by one (`\r\n` is a line break too). */
const CONTROL = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Why a string may not be taken in, or undefined: a lone surrogate (no encoder can send it:
 * SNS's client throws on it) or a control character other than a line break (a tab is not
 * in GSM-7 either, and nobody sees it in a message). The service applies it to values and
 * phone numbers too.
 *
 * @example
 * wellFormedProblem('a\ud800', '/body') // { path: '/body', message: 'is not well-formed UTF-16: a lone surrogate at character 1' }
 */
export function wellFormedProblem(value: string, pointer: string): InputProblem | undefined {
  const lone = LONE_SURROGATE.exec(value);
  if (lone) return { path: pointer, message: `is not well-formed UTF-16: a lone surrogate at character ${lone.index}` };
  const control = CONTROL.exec(value);
  if (control) {
    const code = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    return { path: pointer, message: `holds the control character ${code} at character ${control.index}: only line breaks (\\n, \\r\\n) are allowed` };
  }
  return undefined;
}

/**
 * `wellFormedProblem` for every string of a JSON value, property names included, each named
 * by its JSON pointer. Iterative: a deep value cannot overflow the stack.
 */
export function wellFormedProblems(value: unknown, pointer: string): InputProblem[] {
  const problems: InputProblem[] = [];
  const stack: Array<{ value: unknown; pointer: string }> = [{ value, pointer }];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (typeof next.value === 'string') {
      const problem = wellFormedProblem(next.value, next.pointer);
      if (problem) problems.push(problem);
    } else if (typeof next.value === 'object' && next.value !== null) {
      for (const [key, child] of Object.entries(next.value)) {
        const childPointer = `${next.pointer}/${escapePointer(key)}`;
        const problem = wellFormedProblem(key, childPointer);
        if (problem) problems.push({ path: childPointer, message: `has a name that ${problem.message}` });
        stack.push({ value: child, pointer: childPointer });
      }
    }
  }
  return problems;
}

/** Validates `value`, then that each of its strings is well formed, throwing an `InputError` naming each bad field. */
export function assertWellFormed<T>(validate: ValidateFunction<T>, value: unknown, what: string): T {
  const valid = assertValid(validate, value, what);
  const problems = wellFormedProblems(valid, '');
  if (problems.length > 0) throw new InputError(what, problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
  return valid;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
