import { defaultServiceConfig } from './config';
import { ServiceError } from './errors';
import type { Route, ServiceRequest } from './http';
import { jsonResponse, readJsonBody } from './json';
import { principalOf, templateIdParam, versionParam } from './params';
import { reviewOf, versionView } from './review';
import type { TemplateVersion } from './store';
import { found, storingVerdict, type TemplateRouteDeps } from './template-routes';
import { parseDecisionRequest } from './validation';
import { judge } from './verdict';

/**
 * What happens to a version after it is stored, each a route of its own so that IAM can
 * grant it to its own people: approving its suppressions (someone other than the
 * submitter), relinting it with the current rules (a new verdict, the old one kept) and
 * retiring it. Each records who did it.
 */
export function reviewRoutes({ store, now, config = defaultServiceConfig }: TemplateRouteDeps): Route[] {
  const versionOf = async (request: ServiceRequest, params: Record<string, string>) => {
    const templateId = templateIdParam(params);
    const version = versionParam(params);
    return found(await store.getVersion(templateId, version), `template ${templateId} has no version ${version}`);
  };
  return [
    {
      method: 'POST',
      pattern: '/v1/templates/{templateId}/versions/{version}/approval',
      group: 'approvers',
      async handle(request, params) {
        const stored = await versionOf(request, params);
        const { reason } = parseDecisionRequest(readJsonBody(request));
        const approvedBy = principalOf(request);
        const review = await reviewOf(store, stored);
        if (review.retirement) throw retired(stored);
        if (review.verdict.status !== 'needs_approval') {
          throw new ServiceError(409, 'nothing_to_approve', `version ${stored.version} is ${review.verdict.status}: only a verdict that needs approval can be approved`);
        }
        if (approvedBy === stored.submittedBy) {
          throw new ServiceError(403, 'self_approval', 'the submitter of a version cannot approve it: someone else must');
        }
        const approval = {
          templateId: stored.templateId,
          version: stored.version,
          verdictSequence: review.verdictSequence,
          approvedBy,
          approvedAt: now().toISOString(),
          reason,
        };
        if (!(await store.putApproval(approval))) {
          throw new ServiceError(409, 'already_approved', `verdict ${review.verdictSequence} of version ${stored.version} is approved already`);
        }
        return jsonResponse(201, versionView(stored, { ...review, approval }));
      },
    },
    {
      method: 'POST',
      pattern: '/v1/templates/{templateId}/versions/{version}/relint',
      group: 'writers',
      async handle(request, params) {
        const stored = await versionOf(request, params);
        const verdict = judge(stored.template, config, principalOf(request), now());
        const verdictSequence = await storingVerdict(verdict, () => store.appendVerdict(stored.templateId, stored.version, verdict));
        // A verdict this new has no approval yet.
        const retirement = await store.getRetirement(stored.templateId, stored.version);
        return jsonResponse(201, versionView(stored, { verdict, verdictSequence, ...(retirement && { retirement }) }));
      },
    },
    {
      method: 'POST',
      pattern: '/v1/templates/{templateId}/versions/{version}/retire',
      group: 'approvers',
      async handle(request, params) {
        const stored = await versionOf(request, params);
        const { reason } = parseDecisionRequest(readJsonBody(request));
        const retirement = { templateId: stored.templateId, version: stored.version, retiredBy: principalOf(request), retiredAt: now().toISOString(), reason };
        if (!(await store.putRetirement(retirement))) throw retired(stored);
        return jsonResponse(201, versionView(stored, { ...(await reviewOf(store, stored)), retirement }));
      },
    },
  ];
}

export function retired(stored: TemplateVersion): ServiceError {
  return new ServiceError(409, 'version_retired', `version ${stored.version} of ${stored.templateId} is retired and cannot be sent or approved`);
}
