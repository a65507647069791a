import type { Finding, Severity } from '../engine';
import { element } from './dom';
import { rewriteSkeleton, type Skeleton } from './rewrite';
import { format, stringsFor, type Strings } from './strings';

/** Longest excerpt of the body quoted on a card, so a long span does not swamp the list. */
const EXCERPT_LENGTH = 60;

/** The findings about one span of the body: a request and all that is wrong with it is one card. */
export interface Card {
  start: number;
  end: number;
  /** Error when one of its findings is an error nobody accepted. */
  severity: Severity;
  /** Errors first, then in the engine's order. */
  findings: Finding[];
}

/** Groups findings sharing a span into cards: errors first, then in body order. */
export function cardsOf(findings: readonly Finding[]): Card[] {
  const bySpan = new Map<string, Card>();
  for (const finding of findings) {
    const key = `${finding.start}:${finding.end}`;
    let card = bySpan.get(key);
    if (!card) bySpan.set(key, (card = { start: finding.start, end: finding.end, severity: 'warning', findings: [] }));
    card.findings.push(finding);
    if (finding.severity === 'error' && !finding.suppressed) card.severity = 'error';
  }
  const cards = [...bySpan.values()];
  for (const card of cards) card.findings.sort((a, b) => severityRank(a) - severityRank(b));
  return cards.sort((a, b) => severityRank(a) - severityRank(b) || a.start - b.start || a.end - b.end);
}

function severityRank({ severity }: { severity: Severity }): number {
  return severity === 'error' ? 0 : 1;
}

/**
 * The span's words as a card quotes them: whitespace folded, and cut only between words,
 * with `…` where a word was left out (a span that starts or ends inside a word, as the
 * overflow of a segment count does, or one longer than `maxLength`).
 */
export function excerptOf(body: string, start: number, end: number, maxLength = EXCERPT_LENGTH): string {
  let text = body.slice(start, end);
  let before = '';
  let after = '';
  if (isWordChar(body[start - 1]) && isWordChar(body[start])) {
    const firstBreak = text.search(/\s/);
    if (firstBreak > 0) {
      text = text.slice(firstBreak);
      before = '…';
    }
  }
  if (isWordChar(body[end - 1]) && isWordChar(body[end])) {
    const lastBreak = text.search(/\s\S*$/);
    if (lastBreak > 0) {
      text = text.slice(0, lastBreak);
      after = '…';
    }
  }
  text = text.replace(/\s+/g, ' ').trim();
  if (text.length > maxLength) {
    const lastBreak = text.lastIndexOf(' ', maxLength - 1);
    text = text.slice(0, lastBreak > 0 ? lastBreak : maxLength - 1);
    after = '…';
  }
  return before + text + after;
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}'’]/u.test(char);
}

/** The rules whose findings say what a request lacks: the Rewrite draft leaves a blank for each. */
const MISSING = { reason: 'missing-rationale', next: 'missing-consequence' } as const;

export interface FindingActions {
  /** Selects the span's words in the textarea. */
  select(start: number, end: number): void;
  apply(finding: Finding): void;
  rewrite(skeleton: Skeleton): void;
  /** Accepts an error on purpose (a `suppress` entry with its reason), or `undefined` to take it back. */
  accept(ruleId: string, reason: string | undefined): void;
}

/**
 * Lists the findings as cards, one per span, in two groups by severity: the quoted words (a
 * button that selects them), then each problem as a sentence under the rule's human name,
 * with its rule id in small print, its suggestion, Apply for a fix and Accept for an error;
 * a request missing its reason or next step gets a Rewrite draft in the template's language.
 */
export function renderFindings(container: HTMLElement, body: string, language: string, findings: readonly Finding[], strings: Strings, actions: FindingActions): void {
  const cards = cardsOf(findings);
  const groups = (['error', 'warning'] as const).map((severity) => {
    const shown = cards.filter((card) => card.severity === severity);
    if (shown.length === 0) return null;
    const group = element('section', `group ${severity}`);
    const headingId = `findings-${severity}`;
    group.append(element('h3', undefined, `${strings[severity === 'error' ? 'errors' : 'warnings']} (${shown.length})`, { id: headingId }));
    const list = element('ul', 'cards', undefined, { 'aria-labelledby': headingId });
    for (const card of shown) list.append(cardItem(body, language, card, strings, actions));
    group.append(list);
    return group;
  });
  container.replaceChildren(...groups.filter((group) => group !== null));
}

function cardItem(body: string, language: string, card: Card, strings: Strings, actions: FindingActions): HTMLLIElement {
  const item = element('li', `card ${card.severity}`);
  const excerpt = excerptOf(body, card.start, card.end);
  const select = element('button', 'excerpt', undefined, { type: 'button', title: strings.selectHint });
  select.append(excerpt ? element('q', undefined, excerpt) : strings.wholeMessage);
  select.addEventListener('click', () => actions.select(card.start, card.end));
  const problems = element('ul', 'problems');
  for (const finding of card.findings) problems.append(problemItem(finding, strings, actions));
  item.append(select, problems);
  const missing = { reason: hasActive(card, MISSING.reason), next: hasActive(card, MISSING.next) };
  if (missing.reason || missing.next) item.append(rewriteBlock(body, card, missing, language, strings, actions));
  return item;
}

function hasActive(card: Card, ruleId: string): boolean {
  return card.findings.some((finding) => finding.ruleId === ruleId && !finding.suppressed);
}

function problemItem(finding: Finding, strings: Strings, actions: FindingActions): HTMLLIElement {
  const item = element('li', `problem ${finding.severity}`);
  item.dataset.ruleId = finding.ruleId;
  const head = element('p', 'problem-head');
  head.append(
    element('strong', undefined, ruleName(finding.ruleId, strings)),
    ' ',
    element('span', 'severity', finding.severity === 'error' ? strings.severityError : strings.severityWarning),
    ' ',
    element('code', 'rule', finding.ruleId),
  );
  item.append(head, element('p', 'message', finding.message));
  if (finding.suggestion) item.append(element('p', 'suggestion', finding.suggestion));
  if (finding.suppressed) {
    item.append(element('p', 'accepted', format(strings.acceptedBecause, { reason: finding.suppressionReason ?? '' })));
    item.append(button(strings.undoAccept, 'secondary small', () => actions.accept(finding.ruleId, undefined)));
    return item;
  }
  const buttons = element('div', 'actions');
  if (finding.fix) {
    const apply = button(strings.apply, 'apply small', () => actions.apply(finding));
    apply.setAttribute('aria-label', format(strings.applyLabel, { rule: ruleName(finding.ruleId, strings) }));
    buttons.append(apply);
  }
  if (finding.severity === 'error') buttons.append(acceptForm(finding, strings, actions));
  if (buttons.childElementCount > 0) item.append(buttons);
  return item;
}

/** Accepting an error on purpose needs a reason: it is stored with the version for its approver. */
function acceptForm(finding: Finding, strings: Strings, actions: FindingActions): HTMLElement {
  const form = element('details', 'accept');
  form.append(element('summary', undefined, strings.accept));
  const reason = element('input', undefined, undefined, { type: 'text', maxlength: '1000', 'aria-label': format(strings.acceptReason, { rule: ruleName(finding.ruleId, strings) }) });
  const confirm = button(strings.acceptConfirm, 'secondary small', () => {
    if (reason.value.trim()) actions.accept(finding.ruleId, reason.value.trim());
    else reason.focus();
  });
  form.append(reason, confirm);
  return form;
}

function rewriteBlock(body: string, card: Card, missing: { reason: boolean; next: boolean }, language: string, strings: Strings, actions: FindingActions): HTMLElement {
  // The draft is in the message's language, whatever the interface speaks.
  const skeleton = rewriteSkeleton(body, card, missing, stringsFor(language));
  const block = element('div', 'rewrite');
  const draft = element('blockquote', 'draft');
  let last = 0;
  for (const blank of skeleton.blanks) {
    draft.append(skeleton.text.slice(last, blank.start), element('mark', 'blank', skeleton.text.slice(blank.start, blank.end)));
    last = blank.end;
  }
  draft.append(skeleton.text.slice(last));
  block.append(element('p', 'hint', strings.rewriteHint), draft, button(strings.rewrite, 'small', () => actions.rewrite(skeleton)));
  return block;
}

function button(text: string, className: string, onClick: () => void): HTMLButtonElement {
  const node = element('button', className, text, { type: 'button' });
  node.addEventListener('click', onClick);
  return node;
}

/** A rule's name as a marketer reads it; the id for a rule the page has no name for. */
export function ruleName(ruleId: string, strings: Strings): string {
  return strings.ruleNames[ruleId] ?? ruleId;
}
