import { lint, rules, type Finding, type InputProblem, type Template } from '../engine';
import { problemsOf } from '../engine/validate';
import { ServiceError } from './errors';
import type { Route } from './http';
import { canonicalJson, jsonResponse, readJsonBody } from './json';
import type { Logger } from './logger';
import { idempotencyKeyHeader, templateIdParam } from './params';
import { senderIdFor, type SmsPublisher } from './publisher';
import { maskPhoneNumber, renderBody } from './render';
import type { DispatchRequest } from './schemas';
import type { DispatchRecord, IdempotencyClaim, TemplateStore, TemplateVersion } from './store';
import { found } from './template-routes';
import { compileVariablesSchema, parseDispatchRequest } from './validation';
import { sha256 } from './verdict';

export interface DispatchRouteDeps {
  store: TemplateStore;
  publisher: SmsPublisher;
  logger: Logger;
  now: () => Date;
  newId: () => string;
}

/**
 * The rules that judge a rendered text: its values are known now, so only length and
 * encoding are checked again. Too many segments refuses the send whatever the rule's
 * severity (it is a warning on templates, where the count is a worst case); an encoding
 * finding refuses it only at severity error.
 */
const RENDERED_TEXT_RULES = new Set(['sms-encoding', 'sms-segments']);
const blocksRenderedText = (finding: Finding) =>
  !finding.suppressed && (finding.ruleId === 'sms-segments' || (finding.ruleId === 'sms-encoding' && finding.severity === 'error'));

/**
 * `POST /v1/templates/{templateId}/dispatch`: the gate. A version is sent only if its
 * stored verdict passed, its values fit its `variables` schema and the rendered text
 * still fits its segments. The Idempotency-Key is claimed by a conditional write BEFORE
 * publishing, so concurrent retries publish once.
 */
export function dispatchRoutes({ store, publisher, logger, now, newId }: DispatchRouteDeps): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/v1/templates/{templateId}/dispatch',
      async handle(request, params) {
        const templateId = templateIdParam(params);
        const idempotencyKey = idempotencyKeyHeader(request);
        const dispatch = parseDispatchRequest(readJsonBody(request));
        const requestHash = sha256(canonicalJson({ ...dispatch, to: maskPhoneNumber(dispatch.to) }));

        const earlier = await store.getClaim(templateId, idempotencyKey);
        if (earlier) {
          const replay = replayOf(earlier, requestHash);
          if (replay) return replay;
        }

        const stored = dispatch.version === undefined
          ? found(await store.getLatestVersion(templateId), `template ${templateId} does not exist`)
          : found(await store.getVersion(templateId, dispatch.version), `template ${templateId} has no version ${dispatch.version}`);
        const body = checkedText(stored, dispatch);

        const claim: IdempotencyClaim = { templateId, idempotencyKey, dispatchId: newId(), requestHash, status: 'pending', createdAt: now().toISOString() };
        if (!(await store.claim(claim))) {
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
 * What an earlier claim of the same key answers: the stored result once sent, 409 while
 * pending, nothing (go ahead) after a recorded failure. Another request under the same
 * key is refused, as the IETF Idempotency-Key draft says.
 */
function replayOf(claim: IdempotencyClaim, requestHash: string) {
  if (claim.requestHash !== requestHash) {
    throw new ServiceError(422, 'idempotency_key_reused', 'this Idempotency-Key was used for another request', {
      details: [{ path: 'header/idempotency-key', message: 'was used with a different body' }],
    });
  }
  if (claim.status === 'pending') throw inProgress();
  if (claim.status === 'sent') return jsonResponse(202, { dispatchId: claim.dispatchId, messageId: claim.messageId });
  return undefined;
}

function inProgress(): ServiceError {
  return new ServiceError(409, 'dispatch_in_progress', 'a dispatch with this Idempotency-Key is in progress; retry later');
}

/** The text to send, or the refusal: failed verdict (409), bad values or too long once rendered (422). */
function checkedText(stored: TemplateVersion, dispatch: DispatchRequest): string {
  const { template, verdict } = stored;
  if (!verdict.result.passed) {
    const blocking = verdict.result.findings.filter((finding) => finding.severity === 'error' && !finding.suppressed);
    throw new ServiceError(409, 'verdict_failed', `version ${stored.version} did not pass the lint and cannot be sent`, {
      details: blocking.map(asProblem('/template/body')),
      extra: { findings: blocking },
    });
  }
  if (template.variables !== undefined) {
    const validate = compileVariablesSchema(template.variables, verdict.contentHash);
    // A stored schema compiled when it was submitted; failing now means the store was edited.
    if (Array.isArray(validate)) throw new Error(`stored variables schema of ${stored.templateId} v${stored.version} does not compile`);
    if (!validate(dispatch.variables)) throw invalidVariables(problemsOf(validate.errors).map(({ path, message }) => ({ path: `/variables${path}`, message })));
  }
  const rendered = renderBody(template.body, dispatch.variables);
  if ('problems' in rendered) throw invalidVariables(rendered.problems);
  const blocking = lint(renderedTemplate(template, rendered.text)).findings.filter(blocksRenderedText);
  if (blocking.length > 0) {
    throw new ServiceError(422, 'rendered_text_refused', 'the text filled with these values does not fit the SMS limits', {
      details: blocking.map(asProblem('/variables')),
      extra: { findings: blocking },
    });
  }
  return rendered.text;
}

/** The rendered text as a template with no placeholders (the sender prefix counts), keeping the length and encoding suppressions. */
function renderedTemplate(template: Template, text: string): Template {
  const suppress = (template.suppress ?? []).filter(({ rule }) => RENDERED_TEXT_RULES.has(rule) && Object.hasOwn(rules, rule));
  const { locale, category, sender } = template;
  return { locale, category, body: text, ...(sender === undefined ? {} : { sender }), ...(suppress.length > 0 ? { suppress } : {}) };
}

function asProblem(path: string): (finding: Finding) => InputProblem {
  return (finding) => ({ path, message: `${finding.ruleId}: ${finding.message}` });
}

function invalidVariables(problems: InputProblem[]): ServiceError {
  return new ServiceError(422, 'invalid_variables', 'the variables do not fit the template', { details: problems });
}
