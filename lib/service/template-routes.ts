import { InputError, validateTemplate, type Template } from '../engine';
import { defaultServiceConfig, type ServiceConfig } from './config';
import { MAX_RESPONSE_BYTES, itemsWithin } from './bounds';
import { ServiceError, VersionTooLargeError, badRequest, notFound } from './errors';
import type { Route } from './http';
import { jsonResponse, readJsonBody } from './json';
import { afterQuery, dispatchIdRegex, encodeCursor, pageQuery, principalOf, templateIdParam, templateIdRegex, versionParam } from './params';
import { reviewOf, statusOf, viewOf } from './review';
import type { DispatchRecord, TemplateStore, TemplateVersion, Verdict } from './store';
import { problemsUnder, compileVariablesSchema } from './validation';
import { judge } from './verdict';

export interface TemplateRouteDeps {
  store: TemplateStore;
  now: () => Date;
  /** The config every verdict of the service is made with (the engine's defaults when absent). */
  config?: ServiceConfig;
}

/** Submitting versions of a template, reading its history and its dispatches, listing and archiving templates. */
export function templateRoutes({ store, now, config = defaultServiceConfig }: TemplateRouteDeps): Route[] {
  return [
    {
      method: 'PUT',
      pattern: '/v1/templates/{templateId}',
      group: 'writers',
      async handle(request, params) {
        const templateId = templateIdParam(params);
        const template = parseTemplate(readJsonBody(request));
        const submittedBy = principalOf(request);
        const verdict = judge(template, config, submittedBy, now());
        if (template.variables !== undefined) {
          const compiled = compileVariablesSchema(template.variables, verdict.contentHash);
          if (Array.isArray(compiled)) throw badRequest('the variables schema is not usable', compiled);
        }
        // A version racing the archiving may still land; dispatch checks the archive again, so it is never sent.
        if (await store.getArchive(templateId)) throw archived(templateId);
        const version = await storingVerdict(verdict, () => store.appendVersion(templateId, { template, submittedBy, verdict }));
        // Listed once a version is stored, so a refused submission stores nothing; every
        // submission registers again, so an entry lost to a failure here comes back with the next one.
        await store.registerTemplate(templateId);
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
        return jsonResponse(200, await templateView(store, templateIdParam(params)));
      },
    },
    {
      method: 'DELETE',
      pattern: '/v1/templates/{templateId}',
      group: 'approvers',
      async handle(request, params) {
        const templateId = templateIdParam(params);
        const archivedBy = principalOf(request);
        found(await store.getLatestVersion(templateId), `template ${templateId} does not exist`);
        // An archive is added, never removed: the versions, verdicts and dispatches all stay.
        if (!(await store.putArchive({ templateId, archivedBy, archivedAt: now().toISOString() }))) throw archived(templateId);
        return jsonResponse(200, await templateView(store, templateId));
      },
    },
    {
      method: 'GET',
      pattern: '/v1/templates',
      async handle(request) {
        const page = await store.listTemplates(afterQuery(request, templateIdRegex));
        const summaries = await Promise.all(page.items.map((templateId) => summaryOf(store, templateId)));
        return jsonResponse(200, {
          items: summaries.filter((summary) => summary !== undefined),
          nextCursor: page.nextAfter === undefined ? null : encodeCursor('after', page.nextAfter),
        });
      },
    },
    {
      method: 'GET',
      pattern: '/v1/templates/{templateId}/dispatches',
      async handle(request, params) {
        const templateId = templateIdParam(params);
        const query = afterQuery(request, dispatchIdRegex);
        found(await store.getLatestVersion(templateId), `template ${templateId} does not exist`);
        const page = await store.listDispatches(templateId, query);
        return jsonResponse(200, { items: page.items.map(dispatchView), nextCursor: page.nextAfter === undefined ? null : encodeCursor('after', page.nextAfter) });
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
        return jsonResponse(200, { items: shown, nextCursor: nextBefore === undefined ? null : encodeCursor('before', nextBefore) });
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

/** The latest version as `GET /v1/templates/{templateId}` shows it, with the template's archive (or null). */
async function templateView(store: TemplateStore, templateId: string) {
  const latest = found(await store.getLatestVersion(templateId), `template ${templateId} does not exist`);
  const [view, archive] = await Promise.all([viewOf(store, latest), store.getArchive(templateId)]);
  return { ...view, archive: archive ?? null };
}

/** One template of the list: its latest version, that version's status, who submitted it and when; undefined while it has no version. */
async function summaryOf(store: TemplateStore, templateId: string) {
  const latest = await store.getLatestVersion(templateId);
  if (!latest) return undefined;
  const [review, archive] = await Promise.all([reviewOf(store, latest), store.getArchive(templateId)]);
  return {
    templateId,
    latestVersion: latest.version,
    status: statusOf(review),
    submittedBy: latest.submittedBy,
    submittedAt: latest.verdict.lintedAt,
    archive: archive ?? null,
  };
}

/** A dispatch as listed: the number stays masked as stored, and the client's Idempotency-Key is not shown. */
function dispatchView({ dispatchId, version, to, status, messageId, error, dispatchedBy, createdAt, updatedAt }: DispatchRecord) {
  return { dispatchId, version, to, status, messageId: messageId ?? null, error: error ?? null, dispatchedBy, createdAt, updatedAt };
}

export function archived(templateId: string): ServiceError {
  return new ServiceError(409, 'template_archived', `template ${templateId} is archived: it takes no new version and no dispatch`);
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
