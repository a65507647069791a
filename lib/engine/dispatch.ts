import { linterFor } from './lint';
import { createLinter, type Linter } from './linter';
import { HIDDEN } from './normalise';
import { link } from './rules/link';
import { sensitiveDataRequest } from './rules/sensitive-data-request';
import { analyseText } from './text';
import type { Config, Finding, ResolvedConfig } from './types';
import { wellFormedProblem, type InputProblem } from './validate';

/** Where one placeholder's value sits in the rendered text (UTF-16 offsets, end exclusive). */
export interface RenderedValue {
  /** The placeholder's name, dotted (`customer.firstName`). */
  name: string;
  /** The JSON pointer of the value in a dispatch's body: `/variables/customer/firstName`. */
  path: string;
  start: number;
  end: number;
  /** The span of its placeholder in the template's body. */
  placeholder: { start: number; end: number };
}

export type Rendering = { text: string; values: RenderedValue[] } | { problems: InputProblem[] };

/**
 * Fills each `{{ name }}` of `body` with its value; a dotted name walks nested objects (own
 * properties only: `{{ constructor.name }}` never reaches a prototype). Returns the text and
 * where each value went, or the problems naming each missing or unusable value.
 */
export function renderBody(body: string, variables: Record<string, unknown>): Rendering {
  const problems: InputProblem[] = [];
  const values: RenderedValue[] = [];
  let text = '';
  let copiedUpTo = 0;
  for (const placeholder of analyseText(body).placeholders) {
    const names = placeholder.name.split('.');
    const path = `/variables/${names.map(escapePointer).join('/')}`;
    const value = lookUp(variables, names);
    if (value === undefined) problems.push({ path, message: 'is required by the template' });
    else if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      problems.push({ path, message: 'must be a string, a number or a boolean' });
    } else {
      text += body.slice(copiedUpTo, placeholder.start);
      values.push({ name: placeholder.name, path, start: text.length, end: text.length + String(value).length, placeholder: { start: placeholder.start, end: placeholder.end } });
      text += String(value);
    }
    copiedUpTo = placeholder.end;
  }
  return problems.length > 0 ? { problems } : { text: text + body.slice(copiedUpTo), values };
}

function lookUp(root: unknown, names: string[]): unknown {
  let value = root;
  for (const name of names) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, name)) return undefined;
    value = (value as Record<string, unknown>)[name];
  }
  return value;
}

/** A finding of the rendered text that the template does not have, with the variables that brought it. */
export interface ValueFinding extends Finding {
  /** The language it was read in: the template's, or another one for the scam rules. */
  language: string;
  /**
   * The names of the variables whose values it covers; every variable when it covers none
   * (the values changed how the whole text reads, as a tone decision may).
   */
  variables: string[];
}

export interface DispatchLint {
  /** The text that would be sent; empty when values are missing (see `problems`). */
  text: string;
  /** Values that may not be sent whatever the text: missing, `{{`, controls, invisible characters. */
  problems: InputProblem[];
  /** Findings in the rendered text that the template itself does not have. Suppressions do not apply. */
  findings: ValueFinding[];
}

/** The rules a scam may be written for in any language, whatever the template's. */
const SCAM_RULES = [sensitiveDataRequest, link];

interface DispatchLinters {
  /** Every rule, links checked against `allowedDomains` and never off. */
  all: Linter;
  scam: Linter;
}

const linters = new WeakMap<object, DispatchLinters>();

/**
 * The linters of rendered texts for a config: the template's own rules and severities, but
 * the link rule, at least a warning, takes the config's `allowedDomains` (none: every link
 * is reported), since a link in a value is checked against them.
 */
function dispatchLinters(config: ResolvedConfig): DispatchLinters {
  let made = linters.get(config);
  if (!made) {
    const { setting, options } = config.rules.link ?? { setting: 'default', options: {} };
    const rendered: ResolvedConfig = {
      ...config,
      rules: { ...config.rules, link: { setting: setting === 'off' ? 'warn' : setting, options: { ...options, allowedDomains: [...config.allowedDomains] } } },
    };
    made = { all: createLinter({ config: rendered }), scam: createLinter({ rules: SCAM_RULES, config: rendered }) };
    linters.set(config, made);
  }
  return made;
}

/**
 * Lints what a dispatch would send: the template's body filled with `values`, with every
 * rule in the template's language and the scam rules (`sensitive-data-request`, `link`) in
 * every language. Returns the findings the template does not already have (same rule, same
 * words), each naming the variables that brought it, and the values that may not be sent at
 * all. The template's suppressions do not carry over: it was reviewed with its own words,
 * not with these. Pure: the caller refuses the dispatch when either list is not empty.
 * Throws an `InputError` when the template or the config does not fit its schema.
 *
 * @example
 * lintDispatch({ locale: 'en', category: 'transactional', body: 'Hi {{name}}, your parcel is here.' }, { name: 'send your PIN' }).findings[0].variables // ['name']
 */
export function lintDispatch(template: unknown, values: Record<string, unknown>, config?: Config | ResolvedConfig): DispatchLint {
  const linter = linterFor(config);
  const valid = linter.validate(template);
  const rendering = renderBody(valid.body, values);
  if ('problems' in rendering) return { text: '', problems: rendering.problems, findings: [] };
  const { text, values: rendered } = rendering;
  const problems = rendered.flatMap((value) => valueProblem(text.slice(value.start, value.end), value.path) ?? []);
  // A text that is not well formed cannot be linted (nor sent): the problems say why.
  if (rendered.some((value) => wellFormedProblem(text.slice(value.start, value.end), value.path))) return { text, problems, findings: [] };
  const { all, scam } = dispatchLinters(linter.config);
  const ownLanguage = valid.locale.split('-')[0];
  // Without the template's suppressions (they were reviewed for its own words, not for these
  // values, and the scam-only linter has no other rules to suppress); the rendered text has
  // no placeholders to declare either.
  const { suppress: _suppress, ...unsuppressed } = valid;
  const { variables: _variables, ...plain } = unsuppressed;
  const findings: ValueFinding[] = [];
  for (const language of linter.languages) {
    const chosen = language === ownLanguage ? all : scam;
    const locale = language === ownLanguage ? valid.locale : language;
    const known = new Set(chosen.lint({ ...unsuppressed, locale }).findings.map((finding) => `${finding.ruleId}\u0000${valid.body.slice(finding.start, finding.end)}`));
    for (const finding of chosen.lint({ ...plain, locale, body: text }).findings) {
      if (known.has(`${finding.ruleId}\u0000${asInTemplate(finding, text, rendered, valid.body)}`)) continue;
      const covered = rendered.filter((value) => value.start < finding.end && finding.start < value.end);
      // A finding at the same place in another language is the same finding.
      if (findings.some((seen) => seen.language !== language && seen.ruleId === finding.ruleId && seen.start === finding.start && seen.end === finding.end)) continue;
      findings.push({ ...finding, language, variables: [...new Set((covered.length > 0 ? covered : rendered).map((value) => value.name))] });
    }
  }
  return { text, problems, findings };
}

/**
 * The words of a rendered finding as the template writes them: each value it covers whole
 * is its placeholder again, so "Pay at {{link}}" is the same words once filled in. A value
 * it covers in part stays as filled in: those words are new.
 */
function asInTemplate(finding: Finding, text: string, values: readonly RenderedValue[], body: string): string {
  let words = '';
  let copiedUpTo = finding.start;
  for (const value of values) {
    if (value.start < finding.start || value.end > finding.end) continue;
    words += text.slice(copiedUpTo, value.start) + body.slice(value.placeholder.start, value.placeholder.end);
    copiedUpTo = value.end;
  }
  return words + text.slice(copiedUpTo, finding.end);
}

/** Why a value may never be sent: not well formed, a placeholder, an invisible character; undefined when none. */
function valueProblem(value: string, path: string): InputProblem | undefined {
  const problem = wellFormedProblem(value, path);
  if (problem) return problem;
  if (value.includes('{{')) return { path, message: 'holds "{{": a value may not look like a placeholder' };
  const hidden = HIDDEN.exec(value);
  if (hidden) return { path, message: `holds the invisible character U+${hidden[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} at character ${hidden.index}` };
  return undefined;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
