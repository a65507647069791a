import { diffWords } from 'diff';
import type { VersionStatus } from '../service/store';
import type { VersionView } from './api';
import { element } from './dom';
import { ruleName } from './findings';
import { format, type StringKey, type Strings } from './strings';

const STATUS_TEXT: Record<VersionStatus, StringKey> = {
  passed: 'statusPassed',
  failed: 'statusFailed',
  needs_approval: 'statusNeedsApproval',
  approved: 'statusApproved',
};

export function statusText(status: VersionStatus, strings: Strings): string {
  return strings[STATUS_TEXT[status]];
}

/** A version that may be sent: its verdict passed, or its accepted errors were approved. */
export function isSendable(version: VersionView): boolean {
  return !version.retirement && (version.status === 'passed' || version.status === 'approved');
}

export interface HistoryActions {
  edit(version: VersionView): void;
  approve(version: VersionView, reason: string): void;
  /** The versions ticked for comparison changed. */
  compare(versions: VersionView[]): void;
}

/**
 * The history, newest first: each version's text, status, who submitted it and when, what
 * was accepted on purpose and by whom it was approved; Approve where a version waits for
 * it, and a box to tick two versions to compare.
 */
export function renderHistory(list: HTMLElement, items: readonly VersionView[], strings: Strings, dateFormat: Intl.DateTimeFormat, actions: HistoryActions): void {
  if (items.length === 0) return list.replaceChildren(element('li', 'hint', strings.historyEmpty));
  // Ticked in this order: a third tick drops the oldest, so two stay compared.
  const ticked: HTMLInputElement[] = [];
  const boxes = new Map<HTMLInputElement, VersionView>();
  const onTick = (box: HTMLInputElement) => {
    if (box.checked) ticked.push(box);
    else ticked.splice(ticked.indexOf(box), 1);
    while (ticked.length > 2) ticked.shift()!.checked = false;
    actions.compare(ticked.map((tickedBox) => boxes.get(tickedBox)!).sort((a, b) => a.version - b.version));
  };
  list.replaceChildren(
    ...items.map((item) => {
      const row = element('li', 'version-row');
      row.dataset.version = String(item.version);
      const { lintedAt } = item.verdict;
      const head = element('p', 'version-head');
      head.append(
        element('strong', 'version', format(strings.historyItem, { version: item.version })),
        ' ',
        element('span', `verdict ${item.status}`, statusText(item.status, strings)),
        ' ',
        element('span', 'hint', format(strings.submittedBy, { who: item.submittedBy })),
        ' ',
        element('time', 'hint', dateFormat.format(new Date(lintedAt)), { datetime: lintedAt }),
      );
      row.append(head, element('blockquote', 'sms', item.template.body));
      for (const accepted of item.verdict.suppressedErrors) {
        row.append(element('p', 'hint', format(strings.acceptedError, { rule: ruleName(accepted.ruleId, strings), reason: accepted.suppressionReason ?? '' })));
      }
      if (item.approval) row.append(element('p', 'approval', format(strings.approvedBy, { who: item.approval.approvedBy, reason: item.approval.reason })));
      const controls = element('div', 'actions');
      const box = element('input', undefined, undefined, { type: 'checkbox', id: `compare-${item.version}` });
      boxes.set(box, item);
      box.addEventListener('change', () => onTick(box));
      const compare = element('span', 'check');
      compare.append(box, element('label', undefined, format(strings.compareVersion, { version: item.version }), { for: box.id }));
      const edit = element('button', 'secondary small', strings.editVersion, { type: 'button', 'aria-label': format(strings.editVersionLabel, { version: item.version }) });
      edit.addEventListener('click', () => actions.edit(item));
      controls.append(compare, edit);
      if (item.status === 'needs_approval' && !item.retirement) controls.append(approveForm(item, strings, actions));
      row.append(controls);
      return row;
    }),
  );
}

function approveForm(item: VersionView, strings: Strings, actions: HistoryActions): HTMLFormElement {
  const form = element('form', 'approve');
  const reason = element('input', undefined, undefined, { type: 'text', id: `approve-reason-${item.version}`, required: '', maxlength: '500', autocomplete: 'off' });
  form.append(
    element('label', undefined, format(strings.approveReason, { version: item.version }), { for: reason.id }),
    reason,
    element('button', 'small', strings.approve, { type: 'submit' }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    actions.approve(item, reason.value.trim());
  });
  return form;
}

/**
 * Two versions side by side, the older on the left with the words the newer removed struck
 * out, the newer on the right with the words it added marked.
 */
export function renderComparison(container: HTMLElement, versions: readonly VersionView[], strings: Strings): void {
  if (versions.length !== 2) return container.replaceChildren();
  const [older, newer] = versions;
  const changes = diffWords(older.template.body, newer.template.body);
  const side = (version: VersionView, kept: 'removed' | 'added', tag: 'del' | 'ins') => {
    const column = element('div', 'side');
    const text = element('blockquote', 'sms');
    for (const change of changes) {
      if (change[kept]) text.append(element(tag, undefined, change.value));
      else if (!change.added && !change.removed) text.append(change.value);
    }
    column.append(element('h4', undefined, format(strings.historyItem, { version: version.version })), text);
    return column;
  };
  const heading = element('h3', undefined, format(strings.comparing, { older: older.version, newer: newer.version }));
  container.replaceChildren(heading, side(older, 'removed', 'del'), side(newer, 'added', 'ins'));
}
