import { InputError, lint, type Config } from '../engine';
import { badRequest } from './errors';
import type { Route } from './http';
import { jsonResponse, readJsonBody } from './json';
import { openApiDocument } from './openapi';
import { parseLintRequest, problemsUnder } from './validation';

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
          return jsonResponse(200, lint(template, config as Config | undefined));
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
