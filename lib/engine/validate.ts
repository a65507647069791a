import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
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

/**
 * One ajv for the engine's own schemas, made on first need. Schemas are not checked
 * against the meta-schema at each compile (tests compile them all): compiling the
 * 2020-12 meta-schema is the largest cost of a cold start, so it is left to the first
 * explicit `validateSchema` (a template's `variables`).
 */
let sharedAjv: Ajv2020 | undefined;

export function engineAjv(): Ajv2020 {
  sharedAjv ??= new Ajv2020({ allErrors: true, strict: false, validateSchema: false });
  return sharedAjv;
}

/**
 * A validator compiled on its first call: a Lambda or a CLI run only pays for the schemas
 * it uses (most never see a config, rule options or a dispatch body), not for all at load.
 */
export function compile<T>(schema: object): ValidateFunction<T> {
  let compiled: ValidateFunction<T> | undefined;
  const validate = ((data: unknown) => {
    compiled ??= engineAjv().compile<T>(schema);
    const valid = compiled(data);
    validate.errors = compiled.errors;
    return valid;
  }) as ValidateFunction<T>;
  return validate;
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

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
