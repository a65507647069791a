import type { ValidateFunction } from 'ajv';
import { InputError, problemsOf, variablesValidator, type InputProblem } from '../engine';
import { badRequest } from './errors';
import type { DecisionRequest, DispatchRequest } from './schemas';
import { batchLintRequest, decisionRequest, dispatchRequest, lintRequest } from './validators.generated';

// Generated from the schemas at build time (lib/build/validators.ts): nothing is compiled at load.
const validateLintRequest = lintRequest as ValidateFunction<{ template: object; config?: object }>;
const validateBatchLintRequest = batchLintRequest as ValidateFunction<{ templates: object[]; config?: object }>;
const validateDispatchRequest = dispatchRequest as ValidateFunction<DispatchRequest>;
const validateDecisionRequest = decisionRequest as ValidateFunction<DecisionRequest>;

function assertRequest<T>(validate: ValidateFunction<T>, value: unknown): T {
  if (!validate(value)) throw badRequest('the request body does not fit its schema', problemsOf(validate.errors));
  return value;
}

export const parseLintRequest = (value: unknown) => assertRequest(validateLintRequest, value);
export const parseBatchLintRequest = (value: unknown) => assertRequest(validateBatchLintRequest, value);
export const parseDispatchRequest = (value: unknown) => assertRequest(validateDispatchRequest, value);
export const parseDecisionRequest = (value: unknown) => assertRequest(validateDecisionRequest, value);

/** The engine's problems, moved under `prefix` (`/template`) when the input was nested in the body. */
export function problemsUnder(error: InputError, prefix = ''): InputProblem[] {
  return error.problems.map(({ path, message }) => ({ path: prefix + path, message }));
}

const compiledVariables = new Map<string, ValidateFunction>();
/** A warm Lambda sees a handful of templates; the cap keeps a long-lived local server small. */
const MAX_COMPILED_VARIABLES = 100;

/**
 * The engine's validator of a template's `variables` schema (its patterns run on RE2JS,
 * linear in the value whatever they are), cached by the template's content hash: a schema
 * read from the table is a new object each time. Returns the problems (paths under
 * `/variables`) when it is not a schema ajv can use.
 */
export function compileVariablesSchema(schema: object, cacheKey: string): ValidateFunction | InputProblem[] {
  const cached = compiledVariables.get(cacheKey);
  if (cached) return cached;
  let validate: ValidateFunction;
  try {
    validate = variablesValidator(schema);
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  if (compiledVariables.size >= MAX_COMPILED_VARIABLES) compiledVariables.delete(compiledVariables.keys().next().value!);
  compiledVariables.set(cacheKey, validate);
  return validate;
}
