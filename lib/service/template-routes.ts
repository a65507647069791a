import { InputError, validateTemplate, type Template } from '../engine';
import { defaultServiceConfig, type ServiceConfig } from './config';
import { MAX_RESPONSE_BYTES, itemsWithin } from './bounds';
import { ServiceError, VersionTooLargeError, badRequest, notFound } from './errors';
import type { Route } from './http';
import { jsonResponse, readJsonBody } from './json';
import { encodeCursor, pageQuery, principalOf, templateIdParam, versionParam } from './params';
import { viewOf } from './review';
import type { TemplateStore, TemplateVersion, Verdict } from './store';
import { problemsUnder, compileVariablesSchema } from './validation';
import { judge } from './verdict';

export interface TemplateRouteDeps {
  store: TemplateStore;
  now: () => Date;
  /** The config every verdict of the service is made with (the engine's defaults when absent). */
  config?: ServiceConfig;
}

/** Submitting versions of a template and reading its history. */
export function templateRoutes({ store, now, config = defaultServiceConfig }: TemplateRouteDeps): Route[] {
  return [
    {
      method: 'PUT',
      pattern: '/v1/templates/{templateId}',
      async handle(request, params) {
        const templateId = templateIdParam(params);
        const template = parseTemplate(readJsonBody(request));
        const submittedBy = principalOf(request);
        const verdict = judge(template, config, submittedBy, now());
        if (template.variables !== undefined) {
          const compiled = compileVariablesSchema(template.variables, verdict.contentHash);
          if (Array.isArray(compiled)) throw badRequest('the variables schema is not usable', compiled);
        }
        const version = await storingVerdict(verdict, () => store.appendVersion(templateId, { template, submittedBy, verdict }));
        return jsonResponse(
          201,
          { templateId, version, submittedBy, status: verdict.status, verdict },
          { location: `/v1/templates/${templateId}/versions/${version}` },
        );
      },
    },
    {
      method: 'GET',
      pattern: '/v1/templates/{templateId}',
      async handle(_request, params) {
        const templateId = templateIdParam(params);
        return jsonResponse(200, await viewOf(store, found(await store.getLatestVersion(templateId), `template ${templateId} does not exist`)));
      },
    },
    {
      method: 'GET',
      pattern: '/v1/templates/{templateId}/versions',
      async handle(request, params) {
        const templateId = templateIdParam(params);
        const page = await store.listVersions(templateId, pageQuery(request));
        if (page.items.length === 0 && !request.query.cursor) throw notFound(`template ${templateId} does not exist`);
        const views = await Promise.all(page.items.map((stored) => viewOf(store, stored)));
        // A stored version may take 380 KB: the page ends before the answer would pass the limit.
        const shown = itemsWithin(views, MAX_RESPONSE_BYTES - 1024);
        const nextBefore = shown.length < views.length ? shown[shown.length - 1].version : page.nextBefore;
        return jsonResponse(200, { items: shown, nextCursor: nextBefore === undefined ? null : encodeCursor(nextBefore) });
      },
    },
    {
      method: 'GET',
      pattern: '/v1/templates/{templateId}/versions/{version}',
      async handle(_request, params) {
        const templateId = templateIdParam(params);
        const version = versionParam(params);
        return jsonResponse(200, await viewOf(store, found(await store.getVersion(templateId, version), `template ${templateId} has no version ${version}`)));
      },
    },
  ];
}

/** Runs the write of a new verdict; one too large to store is the client's to fix (422), not a 500. */
export async function storingVerdict<T>(verdict: Verdict, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof VersionTooLargeError)) throw error;
    const findings = verdict.result.findings.length;
    throw new ServiceError(422, 'verdict_too_large', `the template draws ${findings} findings: its verdict is too large to store (${error.size} bytes, at most ${error.limit})`, {
      details: [{ path: '/body', message: `draws ${findings} findings; fix the repeated ones and submit again` }],
    });
  }
}

function parseTemplate(body: unknown): Template {
  try {
    return validateTemplate(body);
  } catch (error) {
    if (error instanceof InputError) throw badRequest('the template is not valid', problemsUnder(error));
    throw error;
  }
}

export function found(version: TemplateVersion | undefined, message: string): TemplateVersion {
  if (!version) throw notFound(message);
  return version;
}
