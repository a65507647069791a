import type { Approval, Retirement, TemplateStore, TemplateVersion, Verdict, VersionStatus } from './store';

/** Where a version stands now: its current verdict, and whether it was approved or retired. */
export interface Review {
  /** The newest verdict: the last relint's, else the submission's. */
  verdict: Verdict;
  /** 0 for the submission's verdict, then 1, 2… for each relint. */
  verdictSequence: number;
  /** An approval of that very verdict (a relint needs a new one). */
  approval?: Approval;
  retirement?: Retirement;
}

export async function reviewOf(store: TemplateStore, stored: TemplateVersion): Promise<Review> {
  const { templateId, version } = stored;
  const [latest, retirement] = await Promise.all([store.getLatestVerdict(templateId, version), store.getRetirement(templateId, version)]);
  const verdictSequence = latest?.sequence ?? 0;
  const verdict = latest?.verdict ?? stored.verdict;
  const approval = verdict.status === 'needs_approval' ? await store.getApproval(templateId, version, verdictSequence) : undefined;
  return { verdict, verdictSequence, ...(approval && { approval }), ...(retirement && { retirement }) };
}

export function statusOf({ verdict, approval }: Review): VersionStatus {
  return verdict.status === 'needs_approval' && approval ? 'approved' : verdict.status;
}

/** A version as the API shows it: who submitted it, its current verdict and status, who approved or retired it. */
export function versionView(stored: TemplateVersion, review: Review) {
  return {
    ...stored,
    status: statusOf(review),
    verdictSequence: review.verdictSequence,
    verdict: review.verdict,
    approval: review.approval ?? null,
    retirement: review.retirement ?? null,
  };
}

export async function viewOf(store: TemplateStore, stored: TemplateVersion) {
  return versionView(stored, await reviewOf(store, stored));
}
