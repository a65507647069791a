import type { LintResult, Template } from '../engine';

/** What the service recorded about one linted version. */
export interface Verdict {
  result: LintResult;
  /** The smslint package version that linted. */
  engineVersion: string;
  /** Changes whenever a rule, a severity or locale data changes. */
  ruleSetVersion: string;
  /** sha256 (hex) of the canonical JSON of the template. */
  contentHash: string;
  lintedAt: string;
}

/** One immutable, numbered version of a template with its verdict. */
export interface TemplateVersion {
  templateId: string;
  version: number;
  template: Template;
  verdict: Verdict;
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
  /** A 16-bit fingerprint of the dispatch id and the request: the same key with another request is refused (see `requestHash`). */
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
 * overwritten, except the status of a dispatch and its claim. Implementations throw
 * `StoreUnavailableError` when the storage cannot answer.
 */
export interface TemplateStore {
  /**
   * Stores `content` as the next version of `templateId` and returns its number (from 1).
   * Throws `VersionTooLargeError` when it cannot be stored whole.
   */
  appendVersion(templateId: string, content: Omit<TemplateVersion, 'templateId' | 'version'>): Promise<number>;
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
}
