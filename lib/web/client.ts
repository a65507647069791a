/**
 * The playground in the browser: lints the template while the user types, highlights the
 * findings in the text, shows the SMS encoding and segments, submits versions and sends tests.
 */
import type { Category, Finding, LintResult, Template } from '../engine';
import type { TemplateVersion } from '../service/store';
import { ApiError, apiBaseFor, createApi } from './api';
import { createSignIn, signInConfigOf, type SignInFlow } from './auth';
import { element } from './dom';
import { renderFindings } from './findings';
import { encodingRuleId, renderBackdrop } from './highlight';
import { segmentUsage } from './meter';
import { shiftFindings } from './spans';
import { format, interfaceLanguage, stringsFor } from './strings';
import { createVariablesForm, variablesOf, variablesSchema } from './variables';

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
const api = createApi(base, () => signIn?.authorization() ?? {});

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

document.documentElement.lang = language;
document.title = strings.title;
for (const node of document.querySelectorAll<HTMLElement>('[data-t]')) node.textContent = strings[node.dataset.t as keyof typeof strings];
localeInput.value = language;

const variables = createVariablesForm(byId('variables'), byId('add-variable'), strings, () => {
  renderTestValues();
  scheduleLint();
});

/** The findings shown, with spans kept on the text as typed since the last result. */
let shown: { body: string; findings: Finding[] } = { body: '', findings: [] };
let debounce: ReturnType<typeof setTimeout> | undefined;
let pending: AbortController | undefined;

function currentTemplate(): Template {
  const template: Template = { locale: localeInput.value, category: categoryInput.value as Category, body: bodyInput.value };
  const sender = senderInput.value.trim();
  if (sender) template.sender = sender;
  const schema = variablesSchema(variables.declared());
  if (schema) template.variables = schema;
  return template;
}

function scheduleLint(): void {
  performance.mark('smslint:input');
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
  renderBackdrop(backdrop, body, shown.findings);
  syncScroll();
  renderFindings(findingsList, body, shown.findings, strings, selectFinding);
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
  const maxLengths = new Map(declared.flatMap(({ name, maxLength }) => (maxLength === undefined ? [] : [[name, maxLength] as const])));
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

function selectFinding(index: number): void {
  const finding = shown.findings[index];
  bodyInput.focus();
  bodyInput.setSelectionRange(finding.start, finding.end);
}

async function submitVersion(): Promise<void> {
  const templateId = templateIdInput.value.trim();
  submitStatus.className = 'status';
  try {
    const saved = await api.submit(templateId, currentTemplate());
    submitStatus.textContent = format(strings.submitted, { version: saved.version, verdict: verdictText(saved.verdict.result.passed) });
    submitStatus.classList.add(saved.verdict.result.passed ? 'passed' : 'failed');
    await loadHistory();
  } catch (error) {
    submitStatus.textContent = describe(error);
    submitStatus.classList.add('failed');
  }
}

async function loadHistory(): Promise<void> {
  const templateId = templateIdInput.value.trim();
  if (!templateId) return history.replaceChildren();
  try {
    renderHistory((await api.versions(templateId)).items);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) renderHistory([]);
    else history.replaceChildren(element('li', 'error-text', describe(error)));
  }
}

const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });

function renderHistory(items: readonly TemplateVersion[]): void {
  if (items.length === 0) return history.replaceChildren(element('li', 'hint', strings.historyEmpty));
  history.replaceChildren(
    ...items.map((item) => {
      const row = element('li');
      row.dataset.version = String(item.version);
      row.append(element('span', 'version', format(strings.historyItem, { version: item.version })));
      const { result, lintedAt } = item.verdict;
      const edit = element('button', 'secondary small', strings.editVersion, {
        type: 'button',
        'aria-label': format(strings.editVersionLabel, { version: item.version }),
      });
      edit.addEventListener('click', () => editVersion(item.template));
      row.append(
        element('span', `verdict ${result.passed ? 'passed' : 'failed'}`, verdictText(result.passed)),
        element('span', 'hint', format(strings.findingsCount, { count: result.findings.length })),
        element('time', 'hint', dateFormat.format(new Date(lintedAt)), { datetime: lintedAt }),
        edit,
      );
      return row;
    }),
  );
}

/** Puts a stored version back in the editor, to start the next version from it. */
function editVersion(template: Template): void {
  if (![...localeInput.options].some((option) => option.value === template.locale)) localeInput.add(new Option(template.locale));
  localeInput.value = template.locale;
  categoryInput.value = template.category;
  senderInput.value = template.sender ?? '';
  bodyInput.value = template.body;
  // The old highlights belong to another text: clear them until this one is linted.
  shown = { body: template.body, findings: [] };
  renderBackdrop(backdrop, template.body, []);
  variables.replace(variablesOf(template.variables));
  scheduleLint();
  bodyInput.focus();
}

function verdictText(passed: boolean): string {
  return passed ? strings.verdictPassed : strings.verdictFailed;
}

/** One input per declared variable for the test message, keeping values already typed. */
function renderTestValues(): void {
  const typed = new Map([...testValues.querySelectorAll('input')].map((input) => [input.name, input.value]));
  testValues.replaceChildren(
    ...variables.declared().map(({ name, maxLength }, index) => {
      const wrapper = element('div', 'field');
      const input = element('input', undefined, undefined, { id: `test-value-${index}`, name, type: 'text', autocomplete: 'off' });
      if (maxLength !== undefined) input.maxLength = maxLength;
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
  try {
    const sent = await api.dispatch(templateIdInput.value.trim(), values, byId<HTMLInputElement>('phone').value.trim());
    const outbox = await api.outbox();
    testStatus.textContent = `${format(strings.sent, { ...sent })} ${format(strings.outboxCount, { count: outbox.items.length })}`;
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
// The outbox exists only in local mode: that is where a test can go without reaching a phone.
api.outbox().then(
  () => (testPanel.hidden = false),
  () => undefined,
);
showResult('', null);
