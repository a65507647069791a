import type { LintResult } from '../engine';
import type { BodyLocator } from './body-locations';

/** One linted template with what the formatters need to place its findings. */
export interface TemplateReport {
  /** `file`, `file:line` or `<stdin>`. */
  source: string;
  /** Path of the file relative to the working directory, `/`-separated; null for standard input. */
  file: string | null;
  /** Line of the file where the template starts. */
  line: number;
  body: string;
  result: LintResult;
  /** Where a span of the body is in the file (in the body itself for standard input). */
  locateBody?: BodyLocator;
}

export interface FormatContext {
  /** Whether ANSI colours may be written. */
  color: boolean;
  /** smslint's version, for reports that name their tool. */
  version: string;
  /** Width to wrap text to: the terminal's, else `COLUMNS`, else 80. */
  columns: number;
  /** `--quiet`: errors only, and no line for a run without problems. */
  quiet: boolean;
}

/**
 * A report format: its text in pieces, each written out before the next report is read, so
 * that a run holds one template's report at a time, not all of them (2.7 KB a template).
 */
export type Formatter = (reports: Iterable<TemplateReport>, context: FormatContext) => Iterable<string>;

/** A format whose text needs every report first (one document, with totals at its top): it holds them all. */
export function wholeDocument(format: (reports: readonly TemplateReport[], context: FormatContext) => string): Formatter {
  return function* (reports, context) {
    yield format([...reports], context);
  };
}

/** Findings that count towards the exit code and summaries: suppressed ones are accepted on purpose. */
export function countProblems(reports: Iterable<TemplateReport>): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const { result } of reports) {
    for (const finding of result.findings) {
      if (finding.suppressed) continue;
      if (finding.severity === 'error') errors++;
      else warnings++;
    }
  }
  return { errors, warnings };
}

const englishPlurals = new Intl.PluralRules('en');

/** `1 warning`, `2 warnings`: the CLI's own texts are English. */
export function plural(count: number, noun: string): string {
  return `${count} ${englishPlurals.select(count) === 'one' ? noun : `${noun}s`}`;
}
