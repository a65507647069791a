import type { Finding, Severity } from '../engine';
import { element } from './dom';
import type { Strings } from './strings';

const GROUPS: { severity: Severity; titleKey: 'errors' | 'warnings' }[] = [
  { severity: 'error', titleKey: 'errors' },
  { severity: 'warning', titleKey: 'warnings' },
];

/** Longest excerpt of the body quoted in a finding, so a long span does not swamp the list. */
const EXCERPT_LENGTH = 60;

/**
 * Lists the findings grouped by severity, each as a button that calls `onSelect` with its
 * index in `findings` (the page selects its words in the textarea).
 */
export function renderFindings(container: HTMLElement, body: string, findings: readonly Finding[], strings: Strings, onSelect: (index: number) => void): void {
  const groups = GROUPS.map(({ severity, titleKey }) => {
    const indexes = findings.flatMap((finding, index) => (finding.severity === severity ? [index] : []));
    if (indexes.length === 0) return null;
    const group = element('section', `group ${severity}`);
    const headingId = `findings-${severity}`;
    group.append(element('h3', undefined, `${strings[titleKey]} (${indexes.length})`, { id: headingId }));
    const list = element('ul', 'finding-list', undefined, { 'aria-labelledby': headingId });
    for (const index of indexes) list.append(findingItem(body, findings[index], strings, () => onSelect(index)));
    group.append(list);
    return group;
  });
  container.replaceChildren(...groups.filter((group) => group !== null));
}

function findingItem(body: string, finding: Finding, strings: Strings, select: () => void): HTMLLIElement {
  const item = element('li');
  const button = element('button', `finding ${finding.severity}`, undefined, { type: 'button', title: strings.selectHint });
  button.dataset.ruleId = finding.ruleId;
  const head = element('span', 'finding-head');
  head.append(element('code', 'rule', finding.ruleId));
  const excerpt = body.slice(finding.start, finding.end);
  if (excerpt.trim()) head.append(element('q', 'excerpt', truncate(excerpt)));
  if (finding.suppressed) head.append(element('span', 'accepted', strings.accepted));
  button.append(head, element('span', 'message', finding.message));
  if (finding.suggestion) {
    const suggestion = element('span', 'suggestion');
    suggestion.append(element('strong', undefined, strings.suggestion), ` ${finding.suggestion}`);
    button.append(suggestion);
  }
  button.addEventListener('click', select);
  item.append(button);
  return item;
}

function truncate(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > EXCERPT_LENGTH ? `${oneLine.slice(0, EXCERPT_LENGTH - 1)}…` : oneLine;
}
