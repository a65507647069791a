import { InputError, lint, resolveConfig, type Config, type InputProblem, type LintResult, type ResolvedConfig } from '../engine';
import { MAX_RESPONSE_BYTES, boundFindings } from './bounds';
import { defaultServiceConfig, type ServiceConfig } from './config';
import { badRequest } from './errors';
import type { Route } from './http';
import { jsonResponse, readJsonBody } from './json';
import { openApiDocument } from './openapi';
import { parseBatchLintRequest, parseLintRequest, problemsUnder } from './validation';

/** Room for what an answer holds besides its results' findings (the envelope, the result fields). */
const ANSWER_OVERHEAD_BYTES = 16 * 1024;

/**
 * `POST /v1/lint` and `POST /v1/lint/batch` (lint without storing, with the service's
 * config unless the body brings its own), `GET /v1/openapi.json`: no storage needed.
 */
export function lintRoutes(serviceConfig: ServiceConfig = defaultServiceConfig): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/v1/lint',
      async handle(request) {
        const { template, config } = parseLintRequest(readJsonBody(request));
        // `lint` validates the template and the config itself, naming each bad field.
        const result = refusingInput(() => lint(template, config === undefined ? serviceConfig.resolved : (config as Config)));
        return jsonResponse(200, bounded(result, MAX_RESPONSE_BYTES - ANSWER_OVERHEAD_BYTES));
      },
    },
    {
      method: 'POST',
      pattern: '/v1/lint/batch',
      async handle(request) {
        const body = parseBatchLintRequest(readJsonBody(request));
        const config = body.config === undefined ? serviceConfig.resolved : refusingInput(() => resolveConfig(body.config));
        const outcomes = body.templates.map((template, index) => lintItem(template, config, index));
        // The answer stays under 1 MB: what is not findings is kept whole, and each result
        // gets an equal share of the rest for its findings (the first ones, which say what to fix).
        const fixedBytes = outcomes.reduce((sum, outcome) => sum + Buffer.byteLength(JSON.stringify('result' in outcome ? { ...outcome.result, findings: [] } : outcome)), 0);
        const share = Math.floor((MAX_RESPONSE_BYTES - ANSWER_OVERHEAD_BYTES - fixedBytes) / outcomes.length);
        return jsonResponse(200, { results: outcomes.map((outcome) => ('result' in outcome ? { index: outcome.index, result: bounded(outcome.result, share) } : outcome)) });
      },
    },
    {
      method: 'GET',
      pattern: '/v1/openapi.json',
      async handle() {
        return jsonResponse(200, openApiDocument());
      },
    },
  ];
}

type BatchOutcome = { index: number; result: LintResult } | { index: number; error: { code: string; message: string; details: InputProblem[] } };

/** One template of a batch: its result, or the error of that template alone (its fields under `/templates/<index>`). */
function lintItem(template: object, config: ResolvedConfig, index: number): BatchOutcome {
  try {
    return { index, result: lint(template, config) };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const problems = problemsUnder(error, `/templates/${index}`);
    return { index, error: { code: 'invalid_template', message: `template ${index} is not valid`, details: problems } };
  }
}

/** Runs `work`, turning the engine's refusal of the input into a 400 naming each field (under `/template` or `/config`). */
function refusingInput<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw badRequest(`the ${error.what} is not valid`, problemsUnder(error, `/${error.what}`));
  }
}

/** A result whose findings fit `budget` bytes; `omittedFindings` counts those past the engine's cap per rule and past the budget. */
function bounded(result: LintResult, budget: number): LintResult & { omittedFindings: number } {
  const shown = boundFindings(result.findings, budget);
  const cappedByEngine = Object.values(result.omitted ?? {}).reduce((sum, count) => sum + count, 0);
  return { ...result, findings: shown.findings, omittedFindings: cappedByEngine + shown.omittedFindings };
}
