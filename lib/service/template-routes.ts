import { InputError, validateTemplate, type Template } from '../engine';
import { ServiceError, VersionTooLargeError, badRequest, notFound } from './errors';
import type { Route } from './http';
import { jsonResponse, readJsonBody } from './json';
import { encodeCursor, pageQuery, templateIdParam, versionParam } from './params';
import type { TemplateStore, TemplateVersion, Verdict } from './store';
import { problemsUnder, compileVariablesSchema } from './validation';
import { judge } from './verdict';

export interface TemplateRouteDeps {
  store: TemplateStore;
  now: () => Date;
}

/** Submitting versions of a template and reading its history. */
export function templateRoutes({ store, now }: TemplateRouteDeps): Route[] {
  return [
    {
      method: 'PUT',
      pattern: '/v1/templates/{templateId}',
      async handle(request, params) {
        const templateId = templateIdParam(params);
        const template = parseTemplate(readJsonBody(request));
        const verdict = judge(template, now());
        if (template.variables !== undefined) {
          const compiled = compileVariablesSchema(template.variables, verdict.contentHash);
          if (Array.isArray(compiled)) throw badRequest('the variables schema is not usable', compiled);
        }
        const version = await appendVersion(store, templateId, { template, verdict });
        return jsonResponse(201, { templateId, version, verdict }, { location: `/v1/templates/${templateId}/versions/${version}` });
      },
    },
    {
      method: 'GET',
      pattern: '/v1/templates/{templateId}',
      async handle(_request, params) {
        const templateId = templateIdParam(params);
        return jsonResponse(200, found(await store.getLatestVersion(templateId), `template ${templateId} does not exist`));
      },
    },
    {
      method: 'GET',
      pattern: '/v1/templates/{templateId}/versions',
      async handle(request, params) {
        const templateId = templateIdParam(params);
        const page = await store.listVersions(templateId, pageQuery(request));
        if (page.items.length === 0 && !request.query.cursor) throw notFound(`template ${templateId} does not exist`);
        return jsonResponse(200, { items: page.items, nextCursor: page.nextBefore === undefined ? null : encodeCursor(page.nextBefore) });
      },
    },
    {
      method: 'GET',
      pattern: '/v1/templates/{templateId}/versions/{version}',
      async handle(_request, params) {
        const templateId = templateIdParam(params);
        const version = versionParam(params);
        return jsonResponse(200, found(await store.getVersion(templateId, version), `template ${templateId} has no version ${version}`));
      },
    },
  ];
}

async function appendVersion(store: TemplateStore, templateId: string, content: { template: Template; verdict: Verdict }): Promise<number> {
  try {
    return await store.appendVersion(templateId, content);
  } catch (error) {
    if (!(error instanceof VersionTooLargeError)) throw error;
    const findings = content.verdict.result.findings.length;
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

