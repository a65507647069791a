import type { Finding, LintResult, Template } from '../engine';

/**
 * What a verdict lets through: `failed` has an error finding nobody accepted;
 * `needs_approval` passed only because errors were suppressed, so someone other than the
 * submitter must approve it before it can be sent; `passed` needs nothing more. A version
 * whose `needs_approval` verdict was approved shows `approved`.
 */
export type VerdictStatus = 'passed' | 'failed' | 'needs_approval';
export type VersionStatus = VerdictStatus | 'approved';

/** What the service recorded about one linting of a version (at submission, or a relint). */
export interface Verdict {
  status: VerdictStatus;
  /** The error findings that suppressions accepted, with their reasons: what an approver approves. */
  suppressedErrors: Array<Pick<Finding, 'ruleId' | 'message' | 'start' | 'end' | 'suppressionReason'>>;
  result: LintResult;
  /** The principal who submitted (first verdict) or asked for the relint. */
  lintedBy: string;
  /** The smslint package version that linted. */
  engineVersion: string;
  /** Changes whenever a rule, a severity or locale data changes. */
  ruleSetVersion: string;
  /** sha256 (hex) of the canonical JSON of the config it was linted with (`GET /v1/config`). */
  configHash: string;
  /** sha256 (hex) of the canonical JSON of the template. */
  contentHash: string;
  lintedAt: string;
}

/** One immutable, numbered version of a template with its verdict. */
export interface TemplateVersion {
  templateId: string;
  version: number;
  template: Template;
  /** The principal who submitted it. */
  submittedBy: string;
  /** The verdict made at submission (sequence 0); relints add newer ones (`VerdictRecord`). */
  verdict: Verdict;
}

/** A verdict made after submission by `POST …/relint`: numbered from 1, the older ones kept. */
export interface VerdictRecord {
  templateId: string;
  version: number;
  sequence: number;
  verdict: Verdict;
}

/** An approval of one verdict of a version (the suppressions it lists), by someone other than the submitter. */
export interface Approval {
  templateId: string;
  version: number;
  /** The verdict approved: a relint needs a new approval. */
  verdictSequence: number;
  approvedBy: string;
  approvedAt: string;
  reason: string;
}

/** A version that may no longer be sent. */
export interface Retirement {
  templateId: string;
  version: number;
  retiredBy: string;
  retiredAt: string;
  reason: string;
}

/** A template that takes no new version and no dispatch; its history stays. */
export interface Archive {
  templateId: string;
  archivedBy: string;
  archivedAt: string;
}

/** A page of a listing in key order: `nextAfter` is the key to continue after, when there are more. */
export interface KeyPage<T> {
  items: T[];
  nextAfter?: string;
}

export type DispatchStatus = 'pending' | 'sent' | 'failed';

/** A send of one version to one recipient. `to` is only ever stored masked. */
export interface DispatchRecord {
  dispatchId: string;
  templateId: string;
  version: number;
  idempotencyKey: string;
  status: DispatchStatus;
  to: string;
  /** The principal who asked for the send. */
  dispatchedBy: string;
  messageId?: string;
  error?: string;
  createdAt: string;
  updatedAt: string;
}

/** The claim of an idempotency key: it points to the dispatch made under it. */
export interface IdempotencyClaim {
  templateId: string;
  idempotencyKey: string;
  dispatchId: string;
  /**
   * HMAC-SHA256 (64 hex) of the canonical request under a key the table never holds (KMS
   * in AWS, a local key file): the same key with another request is refused, and whoever
   * reads the table cannot test guesses of the phone number against it.
   */
  requestHash: string;
  status: DispatchStatus;
  messageId?: string;
  createdAt: string;
}

export interface VersionPage {
  items: TemplateVersion[];
  /** The version to continue below, when there are more. */
  nextBefore?: number;
}

/**
 * The storage port of the service. Every write is conditional: nothing stored is ever
 * overwritten, except the status of a dispatch and its claim. Versions, verdicts,
 * approvals and retirements are only ever added. Implementations throw
 * `StoreUnavailableError` when the storage cannot answer.
 */
export interface TemplateStore {
  /**
   * Stores `content` as the next version of `templateId` and returns its number (from 1).
   * Throws `VersionTooLargeError` when it cannot be stored whole.
   */
  appendVersion(templateId: string, content: Omit<TemplateVersion, 'templateId' | 'version'>): Promise<number>;
  /** Stores a newer verdict of a version and returns its sequence (from 1). Same size limit as a version. */
  appendVerdict(templateId: string, version: number, verdict: Verdict): Promise<number>;
  /** The newest relint verdict of a version, if it was ever relinted. */
  getLatestVerdict(templateId: string, version: number): Promise<VerdictRecord | undefined>;
  /** False when that verdict was approved already. */
  putApproval(approval: Approval): Promise<boolean>;
  getApproval(templateId: string, version: number, verdictSequence: number): Promise<Approval | undefined>;
  /** False when the version was retired already. */
  putRetirement(retirement: Retirement): Promise<boolean>;
  getRetirement(templateId: string, version: number): Promise<Retirement | undefined>;
  getLatestVersion(templateId: string): Promise<TemplateVersion | undefined>;
  getVersion(templateId: string, version: number): Promise<TemplateVersion | undefined>;
  /** Newest first; `before` continues a previous page. */
  listVersions(templateId: string, page: { limit: number; before?: number }): Promise<VersionPage>;
  getClaim(templateId: string, idempotencyKey: string): Promise<IdempotencyClaim | undefined>;
  /**
   * Claims an idempotency key for a new dispatch. False when another request holds it
   * (pending or sent); a key whose dispatch failed may be claimed again, and so may a
   * pending claim of the abandoned dispatch `abandonedDispatchId`.
   */
  claim(claim: IdempotencyClaim, abandonedDispatchId?: string): Promise<boolean>;
  hasDispatch(templateId: string, dispatchId: string): Promise<boolean>;
  createDispatch(record: DispatchRecord): Promise<void>;
  /** Records the status (and message id or error) of a dispatch on its record. */
  updateDispatch(record: DispatchRecord): Promise<void>;
  /** Records it on the key's claim, if the claim still belongs to this dispatch. */
  settleClaim(record: DispatchRecord): Promise<void>;
  /** Lists `templateId` among the templates (once: later calls change nothing). */
  registerTemplate(templateId: string): Promise<void>;
  /** Template ids in order, after `after`. */
  listTemplates(page: { limit: number; after?: string }): Promise<KeyPage<string>>;
  /** False when the template was archived already. */
  putArchive(archive: Archive): Promise<boolean>;
  getArchive(templateId: string): Promise<Archive | undefined>;
  /** The dispatches of a template in dispatch id order, after `after`. */
  listDispatches(templateId: string, page: { limit: number; after?: string }): Promise<KeyPage<DispatchRecord>>;
  /** Resolves when the storage answers a read. */
  ping(): Promise<void>;
}
