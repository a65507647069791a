import { InputError, lintDispatch, problemsOf, validateTemplate, type Finding, type InputProblem, type ResolvedConfig, type Template } from '../engine';
import { boundFindings } from './bounds';
import { defaultServiceConfig, type ServiceConfig } from './config';
import { ServiceError } from './errors';
import type { Route } from './http';
import { canonicalJson, escapePointer, jsonResponse, readJsonBody } from './json';
import type { Logger } from './logger';
import { idempotencyKeyHeader, principalOf, templateIdParam } from './params';
import { senderIdFor, type SmsPublisher } from './publisher';
import { maskPhoneNumber } from './render';
import type { DispatchRequest } from './schemas';
import type { RequestMac } from './request-mac';
import { reviewOf } from './review';
import { retired } from './review-routes';
import type { DispatchRecord, IdempotencyClaim, TemplateStore, TemplateVersion, Verdict } from './store';
import { archived, found } from './template-routes';
import { compileVariablesSchema, parseDispatchRequest } from './validation';
import { decisionOf, outcomeOf, sha256 } from './verdict';

export interface DispatchRouteDeps {
  store: TemplateStore;
  publisher: SmsPublisher;
  logger: Logger;
  now: () => Date;
  newId: () => string;
  /** Fingerprints requests for idempotency claims (KMS in AWS, a key file locally). */
  requestMac: RequestMac;
  /** The config verdicts are made with: dispatch re-lints under it (the engine's defaults when absent). */
  config?: ServiceConfig;
}

/** The problems of a stored template the engine's checks (its `variables` patterns) now refuse, if any. */
function stillAccepted(template: Template): InputProblem[] | undefined {
  try {
    validateTemplate(template);
    return undefined;
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
}

/**
 * `POST /v1/templates/{templateId}/dispatch`: the gate. A version is sent only if it is
 * not retired, its current verdict passed (or was approved by someone other than its
 * submitter), the current rules still say the same of it, its values fit its `variables`
 * schema and the rendered text brings nothing the review did not see. The Idempotency-Key
 * is claimed by a conditional write BEFORE publishing, so concurrent retries publish once.
 */
export function dispatchRoutes({ store, publisher, logger, now, newId, requestMac, config = defaultServiceConfig }: DispatchRouteDeps): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/v1/templates/{templateId}/dispatch',
      group: 'senders',
      async handle(request, params) {
        const templateId = templateIdParam(params);
        const idempotencyKey = idempotencyKeyHeader(request);
        const dispatch = parseDispatchRequest(readJsonBody(request));
        const dispatchedBy = principalOf(request);
        // The digest first: KMS takes at most 4 KB, a request may hold 64 KB of values.
        const requestHash = await requestMac.mac(sha256(canonicalJson({ templateId, idempotencyKey, dispatch })));

        const earlier = await store.getClaim(templateId, idempotencyKey);
        let abandoned: string | undefined;
        if (earlier) {
          const replay = replayOf(earlier, requestHash);
          if (replay) return replay;
          if (earlier.status === 'pending') {
            if (!(await wasAbandoned(store, earlier, now()))) throw inProgress();
            abandoned = earlier.dispatchId;
          }
        }

        if (await store.getArchive(templateId)) throw archived(templateId);
        const stored = dispatch.version === undefined
          ? found(await store.getLatestVersion(templateId), `template ${templateId} does not exist`)
          : found(await store.getVersion(templateId, dispatch.version), `template ${templateId} has no version ${dispatch.version}`);
        const verdict = await sendableVerdict(store, stored, config.resolved);
        const body = checkedText(stored, verdict, dispatch, config.resolved);

        const claim: IdempotencyClaim = {
          templateId,
          idempotencyKey,
          dispatchId: newId(),
          requestHash,
          status: 'pending',
          createdAt: now().toISOString(),
        };
        if (!(await store.claim(claim, abandoned))) {
          const current = await store.getClaim(templateId, idempotencyKey);
          const replay = current && replayOf(current, requestHash);
          if (replay) return replay;
          throw inProgress();
        }
        const record: DispatchRecord = {
          dispatchId: claim.dispatchId,
          templateId,
          version: stored.version,
          idempotencyKey,
          status: 'pending',
          to: maskPhoneNumber(dispatch.to),
          dispatchedBy,
          createdAt: claim.createdAt,
          updatedAt: claim.createdAt,
        };
        try {
          await store.createDispatch(record);
        } catch (error) {
          // Nothing was sent: free the key so that a retry may send.
          await settle(store, logger, { ...record, status: 'failed', error: 'not_recorded', updatedAt: now().toISOString() }, ['claim']);
          throw error;
        }

        let messageId: string;
        try {
          ({ messageId } = await publisher.publish({
            to: dispatch.to,
            body,
            category: stored.template.category,
            senderId: senderIdFor(stored.template.sender),
            origin: { templateId, version: stored.version, dispatchId: record.dispatchId },
          }));
        } catch (error) {
          const reason = error instanceof Error ? error.name : 'unknown';
          await settle(store, logger, { ...record, status: 'failed', error: reason, updatedAt: now().toISOString() });
          logger.warn('dispatch failed', { templateId, version: stored.version, dispatchId: record.dispatchId, to: record.to, error: reason });
          throw new ServiceError(502, 'publish_failed', 'the SMS could not be published; retry with the same Idempotency-Key');
        }
        await settle(store, logger, { ...record, status: 'sent', messageId, updatedAt: now().toISOString() });
        logger.info('dispatched', { templateId, version: stored.version, dispatchId: record.dispatchId, to: record.to, messageId });
        return jsonResponse(202, { dispatchId: record.dispatchId, messageId });
      },
    },
  ];
}

/**
 * Records the outcome of a dispatch, record first, then the claim (the claim decides what
 * a retry does). Once SNS has answered, the answer stands even if the store cannot record
 * it: a claim left pending makes retries 409, never a second send; each failure is logged.
 */
async function settle(store: TemplateStore, logger: Logger, record: DispatchRecord, what: Array<'record' | 'claim'> = ['record', 'claim']): Promise<void> {
  for (const part of what) {
    try {
      await (part === 'record' ? store.updateDispatch(record) : store.settleClaim(record));
    } catch (error) {
      logger.error('dispatch outcome not recorded', {
        part,
        templateId: record.templateId,
        dispatchId: record.dispatchId,
        status: record.status,
        error: error instanceof Error ? error.name : 'unknown',
      });
    }
  }
}

/**
 * A claim still pending long after any function could still be running for it (Lambda
 * stops at 15 minutes) whose dispatch record was never written: nothing was sent (the
 * record is written before publishing), so the key may be claimed again. A pending
 * claim WITH its record stays pending: SNS may have taken the SMS.
 */
const CLAIM_LEASE_MS = 15 * 60 * 1000;

async function wasAbandoned(store: TemplateStore, claim: IdempotencyClaim, now: Date): Promise<boolean> {
  if (now.getTime() - Date.parse(claim.createdAt) < CLAIM_LEASE_MS) return false;
  return !(await store.hasDispatch(claim.templateId, claim.dispatchId));
}

/**
 * What an earlier claim of the same key answers: the stored result once sent, nothing
 * (go ahead) after a recorded failure or while pending (the caller decides). Another
 * request under the same key is refused, as the IETF Idempotency-Key draft says.
 */
function replayOf(claim: IdempotencyClaim, requestHash: string) {
  if (claim.requestHash !== requestHash) {
    throw new ServiceError(422, 'idempotency_key_reused', 'this Idempotency-Key was used for another request', {
      details: [{ path: 'header/idempotency-key', message: 'was used with a different body' }],
    });
  }
  if (claim.status === 'sent') return jsonResponse(202, { dispatchId: claim.dispatchId, messageId: claim.messageId });
  return undefined;
}

function inProgress(): ServiceError {
  return new ServiceError(409, 'dispatch_in_progress', 'a dispatch with this Idempotency-Key is in progress; retry later');
}

/**
 * The current verdict of a version that may be sent, or the refusal (409): retired; the
 * current rules and config say something else than the verdict (relint it); failed; or
 * its suppressed errors are not approved yet.
 */
async function sendableVerdict(store: TemplateStore, stored: TemplateVersion, config: ResolvedConfig): Promise<Verdict> {
  const review = await reviewOf(store, stored);
  if (review.retirement) throw retired(stored);
  const { verdict } = review;
  const current = outcomeOf(stored.template, config);
  if (decisionOf(current) !== decisionOf(verdict)) {
    const shown = boundFindings(current.result.findings);
    throw new ServiceError(409, 'verdict_stale', `the current rules judge version ${stored.version} otherwise (${current.status}) than its verdict (${verdict.status}): relint it`, {
      details: shown.findings.filter((finding) => finding.severity === 'error').map(asProblem('/template/body')),
      extra: { status: current.status, findings: shown.findings, omittedFindings: shown.omittedFindings },
    });
  }
  if (verdict.status === 'failed') {
    const blocking = boundFindings(verdict.result.findings.filter((finding) => finding.severity === 'error' && !finding.suppressed));
    throw new ServiceError(409, 'verdict_failed', `version ${stored.version} did not pass the lint and cannot be sent`, {
      details: blocking.findings.map(asProblem('/template/body')),
      extra: { findings: blocking.findings, omittedFindings: blocking.omittedFindings },
    });
  }
  if (verdict.status === 'needs_approval' && !review.approval) {
    throw new ServiceError(409, 'approval_required', `version ${stored.version} passed only by suppressing errors: someone other than its submitter must approve it first`, {
      details: verdict.suppressedErrors.map((error) => ({ path: '/template/suppress', message: `${error.ruleId}: ${error.message} (suppressed: ${error.suppressionReason ?? 'no reason'})` })),
      extra: { suppressedErrors: verdict.suppressedErrors },
    });
  }
  return verdict;
}

/** The text to send, or the refusal (422): values that do not fit, or a rendered text the review did not see. */
function checkedText(stored: TemplateVersion, verdict: Verdict, dispatch: DispatchRequest, config: ResolvedConfig): string {
  const { template } = stored;
  if (template.variables !== undefined) {
    const validate = stillAccepted(template) ?? compileVariablesSchema(template.variables, verdict.contentHash);
    // Checked when submitted; refused now only if the checks grew stricter since (submit a new version).
    if (Array.isArray(validate)) {
      throw new ServiceError(409, 'variables_schema_refused', `the variables schema of version ${stored.version} is no longer accepted`, { details: validate });
    }
    const tooLong = longValues(dispatch.variables);
    if (tooLong.length > 0) throw invalidVariables(tooLong);
    if (!validate(dispatch.variables)) throw invalidVariables(problemsOf(validate.errors).map(({ path, message }) => ({ path: `/variables${path}`, message })));
  }
  // The whole rule set on the rendered text (the scam rules in every language), without the
  // template's suppressions: any finding the reviewed template does not have is refused.
  const rendered = lintDispatch(template, dispatch.variables, config);
  if (rendered.problems.length > 0) throw invalidVariables(rendered.problems);
  const blocking = boundFindings(rendered.findings);
  if (blocking.findings.length > 0) {
    throw new ServiceError(422, 'rendered_text_refused', 'these values bring into the text what the reviewed template does not have', {
      details: blocking.findings.flatMap((finding) =>
        finding.variables.map((name) => ({ path: `/variables/${name.split('.').map(escapePointer).join('/')}`, message: `${finding.ruleId}: ${finding.message}` })),
      ),
      extra: { findings: blocking.findings, omittedFindings: blocking.omittedFindings },
    });
  }
  return rendered.text;
}

function asProblem(path: string): (finding: Finding) => InputProblem {
  return (finding) => ({ path, message: `${finding.ruleId}: ${finding.message}` });
}

/** No value can be longer than the longest SMS; checked before the client's regexes run on it. */
const MAX_VALUE_LENGTH = 1600;

function longValues(variables: Record<string, unknown>): InputProblem[] {
  const problems: InputProblem[] = [];
  const stack: Array<[unknown, string]> = [[variables, '/variables']];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string' && value.length > MAX_VALUE_LENGTH) {
      problems.push({ path, message: `is longer than an SMS can carry (${MAX_VALUE_LENGTH} characters)` });
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) stack.push([child, `${path}/${escapePointer(key)}`]);
    }
  }
  return problems;
}

function invalidVariables(problems: InputProblem[]): ServiceError {
  return new ServiceError(422, 'invalid_variables', 'the variables do not fit the template', { details: problems });
}
