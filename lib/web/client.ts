/**
 * The playground in the browser: lints the template while the user types, highlights the
 * findings in the text, shows the SMS encoding and segments, submits versions and sends tests.
 */
import type { Category, Finding, LintResult, Template } from '../engine';
import { applyFixes } from '../engine/fixes';
import { ApiError, apiBaseFor, createApi, type VersionView } from './api';
import { createSignIn, signInConfigOf, type SignInFlow } from './auth';
import { element } from './dom';
import { renderFindings } from './findings';
import { encodingRuleId, renderBackdrop } from './highlight';
import { segmentUsage } from './meter';
import { maskedNumber } from './phone';
import type { Skeleton } from './rewrite';
import { shiftFindings } from './spans';
import { format, interfaceLanguage, stringsFor, type StringKey } from './strings';
import { renderTeamConfig } from './team-config';
import { createVariablesForm, variableSchema, variablesOf, variablesSchema } from './variables';
import { isSendable, renderComparison, renderHistory, statusText } from './versions';

/** Long enough to skip the keystrokes of a word, short enough to feel live. */
const LINT_DEBOUNCE_MS = 250;

const language = interfaceLanguage(navigator.language);
const strings = stringsFor(language);
const base = apiBaseFor(location.pathname);
const signInConfig = signInConfigOf(document);
// In AWS only: the page was served with where to sign in. Its callback URL is the page's own.
const signIn =
  signInConfig &&
  createSignIn(signInConfig, `${location.origin}${base}/`, { storage: sessionStorage, fetch: fetch.bind(window), navigate: (url) => location.assign(url), now: Date.now });

function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`playground: #${id} is missing from the page`);
  return node as T;
}

const localeInput = byId<HTMLSelectElement>('locale');
const categoryInput = byId<HTMLSelectElement>('category');
const senderInput = byId<HTMLInputElement>('sender');
const bodyInput = byId<HTMLTextAreaElement>('body');
const backdrop = byId('backdrop');
const summary = byId('summary');
const lintError = byId('lint-error');
const findingsList = byId('findings');
const templateIdInput = byId<HTMLInputElement>('template-id');
const submitStatus = byId('submit-status');
const history = byId('history');
const testPanel = byId('test-panel');
const testValues = byId('test-values');
const testStatus = byId('test-status');
const testMessage = byId('test-message');
const testVersion = byId('test-version');
const sendButton = byId<HTMLButtonElement>('send-test');
const principalInput = byId<HTMLInputElement>('principal');
const historyStatus = byId('history-status');
const comparison = byId('comparison');

// Locally the principal header says who calls (to approve, someone other than the writer); in AWS the signed-in person's ID token does.
const api = createApi(base, (): Record<string, string> => {
  if (signIn) return signIn.authorization();
  const principal = principalInput.value.trim();
  return principal ? { 'x-smslint-principal': principal } : {};
});

document.documentElement.lang = language;
document.title = strings.title;
for (const node of document.querySelectorAll<HTMLElement>('[data-t]')) node.textContent = strings[node.dataset.t as StringKey];
localeInput.value = language;

const variables = createVariablesForm(byId('variables'), byId('add-variable'), strings, () => {
  renderTestValues();
  scheduleLint();
});

/** The findings shown, with spans kept on the text as typed since the last result. */
let shown: { body: string; findings: Finding[] } = { body: '', findings: [] };
/** The text the shown findings were made for: their fixes apply to it only. */
let lintedBody = '';
/** Errors accepted on purpose, with their reasons: the template's `suppress`. */
let suppressions: NonNullable<Template['suppress']> = [];
/** The version "Send a test" sends: the newest that passed or was approved. */
let sendable: VersionView | undefined;
let debounce: ReturnType<typeof setTimeout> | undefined;
let pending: AbortController | undefined;
/** When the latest edit was made: the findings of that text measure the page's answer time. */
let editedAt = 0;

function currentTemplate(): Template {
  const template: Template = { locale: localeInput.value, category: categoryInput.value as Category, body: bodyInput.value };
  const sender = senderInput.value.trim();
  if (sender) template.sender = sender;
  const schema = variablesSchema(variables.declared());
  if (schema) template.variables = schema;
  if (suppressions.length > 0) template.suppress = suppressions;
  return template;
}

function scheduleLint(): void {
  editedAt = performance.now();
  clearTimeout(debounce);
  // Any edit outdates the request on its way: its answer must not clear the "stale" state.
  pending?.abort();
  setStale(true);
  debounce = setTimeout(() => void runLint(), LINT_DEBOUNCE_MS);
}

/** Findings of an older text: dimmed, and busy for assistive technology, until the next result. */
function setStale(stale: boolean): void {
  findingsList.classList.toggle('stale', stale);
  findingsList.setAttribute('aria-busy', String(stale));
  // A fix's offsets are those of the linted text: not applicable to a newer one.
  for (const apply of findingsList.querySelectorAll<HTMLButtonElement>('button.apply')) apply.disabled = stale;
}

async function runLint(): Promise<void> {
  const controller = new AbortController();
  pending = controller;
  const template = currentTemplate();
  if (!template.body) {
    showResult('', null);
    return;
  }
  const sent = performance.now();
  try {
    const result = await api.lint(template, controller.signal);
    // Edited since: this answer's spans may no longer fit the text, and a newer one is coming.
    if (controller.signal.aborted) return;
    const received = performance.now();
    showResult(template.body, result);
    performance.measure('smslint:lint', { start: sent, end: received });
    performance.measure('smslint:render', { start: received, end: performance.now() });
    performance.measure('smslint:edit-to-findings', { start: editedAt, end: performance.now() });
  } catch (error) {
    if (controller.signal.aborted) return;
    setStale(false);
    lintError.textContent = describe(error);
  }
}

function showResult(body: string, result: LintResult | null): void {
  lintError.textContent = '';
  setStale(false);
  shown = { body, findings: result?.findings ?? [] };
  lintedBody = body;
  renderBackdrop(backdrop, body, shown.findings);
  syncScroll();
  renderFindings(findingsList, body, localeInput.value.split('-')[0], shown.findings, strings, { select: selectSpan, apply: applyFix, rewrite: useDraft, accept: acceptError });
  renderMeter(body, result);
  if (!result) {
    summary.textContent = strings.emptyBody;
    summary.className = 'summary';
    return;
  }
  const active = result.findings.filter((finding) => !finding.suppressed);
  const errors = active.filter((finding) => finding.severity === 'error').length;
  const warnings = active.length - errors;
  summary.textContent = result.passed
    ? [strings.summaryPassed, warnings > 0 ? format(strings.summaryWarnings, { warnings }) : ''].join(' ').trim()
    : format(strings.summaryCounts, { errors, warnings });
  summary.className = `summary ${result.passed ? 'passed' : 'failed'}`;
}

function renderMeter(body: string, result: LintResult | null): void {
  const encodingBadge = byId('meter-encoding');
  encodingBadge.textContent = result ? `${strings.encoding} ${result.encoding}` : '';
  encodingBadge.className = `encoding-badge ${result?.encoding === 'UCS-2' ? 'ucs2' : ''}`;
  byId('meter-segments').textContent = result ? format(strings.segmentsWorstCase, { segments: result.segments }) : '';
  const declared = variables.declared();
  const maxLengths = new Map(
    declared.flatMap((variable) => {
      const { maxLength } = variableSchema(variable);
      return typeof maxLength === 'number' ? [[variable.name, maxLength] as const] : [];
    }),
  );
  byId('meter-usage').textContent = result ? format(strings.segmentUsage, { ...segmentUsage(body, maxLengths, result.encoding, result.segments) }) : '';
  byId('meter-hint').textContent = result?.encoding === 'UCS-2' ? ucs2Reason(result, declared.length > 0) : '';
}

/** Why the message is UCS-2: characters of the text (marked), else what a variable may hold. */
function ucs2Reason(result: LintResult, hasVariables: boolean): string {
  if (result.findings.some((finding) => finding.ruleId === encodingRuleId)) return strings.ucs2Hint;
  return hasVariables ? strings.ucs2Variables : '';
}

/** Keeps the highlights on the words while typing, until the next lint result replaces them. */
function followEdit(): void {
  const body = bodyInput.value;
  shown = { body, findings: shiftFindings(shown.body, body, shown.findings) };
  renderBackdrop(backdrop, body, shown.findings);
  syncScroll();
}

function syncScroll(): void {
  backdrop.scrollTop = bodyInput.scrollTop;
  backdrop.scrollLeft = bodyInput.scrollLeft;
}

function selectSpan(start: number, end: number): void {
  bodyInput.focus();
  bodyInput.setSelectionRange(start, end);
}

/** Puts a new text in the editor (a fix applied, a draft) and checks it, selecting what is left to do. */
function replaceBody(body: string, select: { start: number; end: number }): void {
  bodyInput.value = body;
  // The old highlights belong to another text: cleared until this one is linted.
  shown = { body, findings: [] };
  renderBackdrop(backdrop, body, []);
  scheduleLint();
  selectSpan(select.start, select.end);
}

function applyFix(finding: Finding): void {
  if (!finding.fix || bodyInput.value !== lintedBody) return;
  const { output } = applyFixes(lintedBody, [finding]);
  const caret = finding.fix.start + finding.fix.text.length;
  replaceBody(output, { start: caret, end: caret });
}

function useDraft(skeleton: Skeleton): void {
  replaceBody(skeleton.text, skeleton.blanks[0] ?? { start: skeleton.text.length, end: skeleton.text.length });
}

function acceptError(ruleId: string, reason: string | undefined): void {
  suppressions = suppressions.filter((entry) => entry.rule !== ruleId);
  if (reason !== undefined) suppressions.push({ rule: ruleId, reason });
  scheduleLint();
}

async function submitVersion(): Promise<void> {
  const templateId = templateIdInput.value.trim();
  submitStatus.className = 'status';
  try {
    const saved = await api.submit(templateId, currentTemplate());
    submitStatus.textContent = format(strings.submitted, { version: saved.version, verdict: statusText(saved.verdict.status, strings) });
    submitStatus.classList.add(saved.verdict.result.passed ? 'passed' : 'failed');
    await loadHistory();
  } catch (error) {
    submitStatus.textContent = describe(error);
    submitStatus.classList.add('failed');
  }
}

async function loadHistory(): Promise<void> {
  const templateId = templateIdInput.value.trim();
  comparison.replaceChildren();
  if (!templateId) return showHistory([]);
  try {
    showHistory((await api.versions(templateId)).items);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) showHistory([]);
    else history.replaceChildren(element('li', 'error-text', describe(error)));
  }
}

const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });

function showHistory(items: readonly VersionView[]): void {
  renderHistory(history, items, strings, dateFormat, {
    edit: editVersion,
    approve: (version, reason) => void approve(version, reason),
    compare: (versions) => renderComparison(comparison, versions, strings),
  });
  sendable = items.find(isSendable);
  sendButton.disabled = !sendable;
  testVersion.textContent = sendable ? format(strings.testVersion, { version: sendable.version }) : strings.testNothingSendable;
}

async function approve(version: VersionView, reason: string): Promise<void> {
  historyStatus.className = 'status';
  try {
    await api.approve(version.templateId, version.version, reason);
    historyStatus.textContent = format(strings.approved, { version: version.version });
    historyStatus.classList.add('passed');
    await loadHistory();
  } catch (error) {
    historyStatus.textContent = describe(error);
    historyStatus.classList.add('failed');
  }
}

/** Puts a stored version back in the editor, to start the next version from it. */
function editVersion({ template }: VersionView): void {
  if (![...localeInput.options].some((option) => option.value === template.locale)) localeInput.add(new Option(template.locale));
  localeInput.value = template.locale;
  categoryInput.value = template.category;
  senderInput.value = template.sender ?? '';
  suppressions = template.suppress ?? [];
  variables.replace(variablesOf(template.variables));
  replaceBody(template.body, { start: template.body.length, end: template.body.length });
}


/** One input per declared variable for the test message, keeping values already typed. */
function renderTestValues(): void {
  const typed = new Map([...testValues.querySelectorAll('input')].map((input) => [input.name, input.value]));
  testValues.replaceChildren(
    ...variables.declared().map((variable, index) => {
      const { name } = variable;
      const { maxLength } = variableSchema(variable);
      const wrapper = element('div', 'field');
      const input = element('input', undefined, undefined, { id: `test-value-${index}`, name, type: 'text', autocomplete: 'off' });
      if (typeof maxLength === 'number') input.maxLength = maxLength;
      input.value = typed.get(name) ?? '';
      wrapper.append(element('label', undefined, format(strings.valueOf, { name }), { for: input.id }), input);
      return wrapper;
    }),
  );
}

async function sendTest(): Promise<void> {
  const values = Object.fromEntries([...testValues.querySelectorAll('input')].map((input) => [input.name, input.value]));
  testStatus.className = 'status';
  testMessage.hidden = true;
  if (!sendable) return;
  const to = byId<HTMLInputElement>('phone').value.trim();
  try {
    const sent = await api.dispatch(sendable.templateId, sendable.version, values, to);
    const outbox = await api.outbox();
    testStatus.textContent = format(strings.sentTo, { number: maskedNumber(to), version: sendable.version });
    // The text as the recipient would get it, placeholders filled.
    const delivered = outbox.items.find((record) => record.messageId === sent.messageId);
    testMessage.textContent = delivered?.body ?? '';
    testMessage.hidden = !delivered;
    testStatus.classList.add('passed');
  } catch (error) {
    testStatus.textContent = describe(error);
    testStatus.classList.add('failed');
  }
}

function describe(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return format(strings.networkError, { message: error instanceof Error ? error.message : String(error) });
}

bodyInput.addEventListener('input', () => {
  followEdit();
  scheduleLint();
});
bodyInput.addEventListener('scroll', syncScroll);
for (const input of [localeInput, categoryInput, senderInput]) input.addEventListener('input', scheduleLint);
// Loaded on request, not on every keystroke of the ID: a template that does not exist yet is a 404.
byId('show-history').addEventListener('click', () => void loadHistory());
templateIdInput.addEventListener('input', () => {
  showHistory([]);
  history.replaceChildren();
  submitStatus.textContent = '';
});
byId('submit-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void submitVersion();
});
byId('test-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void sendTest();
});
/** The account line and its button, after finishing a sign-in if the hosted sign-in just sent the person back. */
async function showAccount(flow: SignInFlow): Promise<void> {
  const name = byId('account-name');
  const button = byId('sign-in');
  byId('account').hidden = false;
  button.addEventListener('click', () => (flow.current() ? flow.signOut() : void flow.signIn()));
  try {
    await flow.complete(location.search);
  } catch (error) {
    name.textContent = error instanceof Error ? error.message : String(error);
  }
  // The code and state are spent: out of the address bar and the history.
  if (location.search) window.history.replaceState(null, '', location.pathname);
  const session = flow.current();
  if (session) name.textContent = format(strings.signedInAs, { name: session.username });
  button.textContent = session ? strings.signOut : strings.signIn;
}

if (signIn) void showAccount(signIn);
// The outbox exists only in local mode: that is where a test can go without reaching a phone,
// and where the principal is a header anyone may set.
api.outbox().then(
  () => {
    testPanel.hidden = false;
    byId('principal-field').hidden = false;
  },
  () => undefined,
);
api.config().then(
  ({ config, hash }) => renderTeamConfig(byId('config'), config, hash, strings),
  (error: unknown) => (byId('config').textContent = describe(error)),
);
showHistory([]);
showResult('', null);
