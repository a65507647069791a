import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import { compile, linearRegExp, problemsOf, type InputError, type InputProblem } from '../engine';
import { badRequest } from './errors';
import { batchLintRequestSchema, decisionRequestSchema, dispatchRequestSchema, lintRequestSchema, type DecisionRequest, type DispatchRequest } from './schemas';

/*
 * The request schemas are compiled once at load by the engine's ajv: a second instance
 * would compile the 2020-12 meta-schema again, the largest part of a cold start. Of the
 * lint requests only the envelope is compiled: `lint` validates `template` and `config`
 * with the same schemas and names each field, so they are not compiled twice.
 */
const validateLintRequest = compile<{ template: object; config?: object }>({
  ...lintRequestSchema,
  properties: { template: { type: 'object' }, config: { type: 'object' } },
});
const validateBatchLintRequest = compile<{ templates: object[]; config?: object }>({
  ...batchLintRequestSchema,
  properties: { ...batchLintRequestSchema.properties, config: { type: 'object' } },
});
const validateDispatchRequest = compile<DispatchRequest>(dispatchRequestSchema);
const validateDecisionRequest = compile<DecisionRequest>(decisionRequestSchema);

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

/**
 * Client schemas (a template's `variables`) get their own ajv: they are untrusted, may
 * reuse one `$id`, and formats are not checked (no format plugin in the Lambda bundle).
 * The engine has already checked them against the meta-schema (`validateTemplate`), so
 * this instance does not compile the meta-schema again.
 */
const variablesAjv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false, validateSchema: false, logger: false, code: { regExp: linearRegExp } });
const compiledVariables = new Map<string, ValidateFunction>();
/** A warm Lambda sees a handful of templates; the cap keeps a long-lived local server small. */
const MAX_COMPILED_VARIABLES = 100;

/**
 * Compiles a template's `variables` schema, cached by the template's content hash.
 * Returns the problems (path `/variables`) when it is not a schema ajv can use.
 */
export function compileVariablesSchema(schema: object, cacheKey: string): ValidateFunction | InputProblem[] {
  const cached = compiledVariables.get(cacheKey);
  if (cached) return cached;
  // Its patterns run on RE2JS (`linearRegExp`): linear in the value, whatever they are.
  let validate: ValidateFunction;
  try {
    validate = variablesAjv.compile(schema);
  } catch (error) {
    return [{ path: '/variables', message: `is not a usable JSON Schema: ${error instanceof Error ? error.message : String(error)}` }];
  } finally {
    // Forget the schema by `$id` so that another template may use the same one.
    variablesAjv.removeSchema(schema);
  }
  if (compiledVariables.size >= MAX_COMPILED_VARIABLES) compiledVariables.delete(compiledVariables.keys().next().value!);
  compiledVariables.set(cacheKey, validate);
  return validate;
}
