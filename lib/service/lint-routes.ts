import { InputError, lint, type Config } from '../engine';
import { MAX_RESPONSE_BYTES, boundFindings } from './bounds';
import { badRequest } from './errors';
import type { Route } from './http';
import { jsonResponse, readJsonBody } from './json';
import { openApiDocument } from './openapi';
import { parseLintRequest, problemsUnder } from './validation';

/** The findings of a lint answer, which holds little else: the rest of the limit is left for it. */
const LINT_FINDINGS_BUDGET_BYTES = MAX_RESPONSE_BYTES - 16 * 1024;

/** `POST /v1/lint` (lint without storing) and `GET /v1/openapi.json`: no storage needed. */
export function lintRoutes(): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/v1/lint',
      async handle(request) {
        const { template, config } = parseLintRequest(readJsonBody(request));
        try {
          // `lint` validates the template and the config itself, naming each bad field.
          const result = lint(template, config as Config | undefined);
          const shown = boundFindings(result.findings, LINT_FINDINGS_BUDGET_BYTES);
          // Past the engine's cap per rule (`omitted`, by rule), and past the size of an answer.
          const cappedByEngine = Object.values(result.omitted ?? {}).reduce((sum, count) => sum + count, 0);
          return jsonResponse(200, { ...result, findings: shown.findings, omittedFindings: cappedByEngine + shown.omittedFindings });
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          throw badRequest(`the ${error.what} is not valid`, problemsUnder(error, `/${error.what}`));
        }
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
