import type { Finding } from '../engine';

/** The rule whose findings mark the characters that force UCS-2. */
export const encodingRuleId = 'sms-encoding';

/** A run of the body covered by the same findings (none for plain text). */
export interface Run {
  start: number;
  end: number;
  findings: Finding[];
}

/**
 * Cuts `[0, length)` at every finding boundary so overlapping findings (a CTA that is both
 * directive and unexplained) become consecutive runs, each knowing every finding over it.
 */
export function runsOf(length: number, findings: readonly Finding[]): Run[] {
  const cuts = new Set<number>([0, length]);
  for (const finding of findings) {
    cuts.add(clamp(finding.start, length));
    cuts.add(clamp(finding.end, length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let index = 0; index + 1 < points.length; index += 1) {
    const start = points[index];
    const end = points[index + 1];
    runs.push({ start, end, findings: findings.filter((finding) => finding.start <= start && finding.end >= end) });
  }
  return runs;
}

function clamp(offset: number, length: number): number {
  return Math.min(Math.max(offset, 0), length);
}

/**
 * Fills the backdrop behind the textarea: the same text, invisible, with a `<mark>` on each
 * run that findings cover. Text goes in as text nodes, never as HTML.
 */
export function renderBackdrop(backdrop: HTMLElement, body: string, findings: readonly Finding[]): void {
  const fragment = document.createDocumentFragment();
  for (const run of runsOf(body.length, findings)) {
    const text = body.slice(run.start, run.end);
    if (run.findings.length === 0) {
      fragment.append(text);
      continue;
    }
    const mark = document.createElement('mark');
    mark.textContent = text;
    mark.dataset.rules = run.findings.map((finding) => finding.ruleId).join(' ');
    const active = run.findings.filter((finding) => !finding.suppressed && finding.ruleId !== encodingRuleId);
    if (active.some((finding) => finding.severity === 'error')) mark.classList.add('error');
    else if (active.length > 0) mark.classList.add('warning');
    if (run.findings.some((finding) => finding.ruleId === encodingRuleId)) mark.classList.add('encoding');
    fragment.append(mark);
  }
  // A textarea shows a last empty line after a final newline; the backdrop needs a character there.
  if (body.endsWith('\n') || body.length === 0) fragment.append(' ');
  backdrop.replaceChildren(fragment);
}
