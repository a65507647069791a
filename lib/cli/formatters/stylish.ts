import { countProblems, plural, type Formatter } from '../report';
import { positionsIn } from '../positions';

const ansi = { reset: 0, bold: 1, dim: 2, underline: 4, red: 31, yellow: 33, green: 32 } as const;
type Style = keyof typeof ansi;

/** Below this, a message column would hold a word or two a line: the rule ids move out of the way instead. */
const NARROWEST_MESSAGE = 30;

/**
 * ESLint's default look: a header per template, one row per finding
 * (`line:column  severity  message  ruleId`, positions inside the body), its suggestion
 * under it, and a summary. Messages are wrapped to `columns` (the terminal's width) in a
 * column as wide as the longest message needs, never wider, so the rule ids stay aligned
 * beside them. Suppressed findings are left out: they were accepted on purpose. A run with
 * no problem says so in one line, unless `quiet`.
 */
export const stylish: Formatter = function* (reports, { color, columns, quiet }) {
  const paint = (style: Style, text: string) => (color ? `\u001b[${ansi[style]}m${text}\u001b[${ansi.reset}m` : text);
  // A blank line before the first block, and between blocks.
  let separator = '\n';
  let templates = 0;
  let errors = 0;
  let warnings = 0;
  for (const report of reports) {
    const { source, body, result } = report;
    const problems = countProblems([report]);
    templates++;
    errors += problems.errors;
    warnings += problems.warnings;
    const findings = result.findings.filter((finding) => !finding.suppressed);
    if (findings.length === 0) continue;
    const positionOf = positionsIn(body);
    const rows = findings.map((finding) => {
      const { line, column } = positionOf(finding.start);
      return { position: `${line}:${column}`, finding };
    });
    const positionWidth = Math.max(...rows.map((row) => row.position.length));
    const severityWidth = Math.max(...rows.map((row) => row.finding.severity.length));
    const ruleWidth = Math.max(...rows.map((row) => row.finding.ruleId.length));
    const indent = ' '.repeat(2 + positionWidth + 2 + severityWidth + 2);
    const longest = Math.max(...rows.map((row) => row.finding.message.length));
    const messageWidth = Math.min(longest, Math.max(NARROWEST_MESSAGE, columns - indent.length - 2 - ruleWidth));
    const lines = [paint('underline', result.id ? `${source} (${result.id})` : source)];
    for (const { position, finding } of rows) {
      const [first, ...rest] = wrap(finding.message, messageWidth);
      const severity = paint(finding.severity === 'error' ? 'red' : 'yellow', finding.severity.padEnd(severityWidth));
      lines.push(`  ${paint('dim', position.padEnd(positionWidth))}  ${severity}  ${first.padEnd(messageWidth)}  ${paint('dim', finding.ruleId)}`);
      lines.push(...rest.map((line) => `${indent}${line}`));
      if (finding.suggestion !== undefined) {
        const suggestion = wrap(`suggestion: ${finding.suggestion}`, Math.max(NARROWEST_MESSAGE, columns - indent.length));
        lines.push(...suggestion.map((line) => `${indent}${paint('dim', line)}`));
      }
    }
    yield `${separator}${lines.join('\n')}`;
    separator = '\n\n';
  }
  const total = errors + warnings;
  if (total === 0) {
    if (!quiet) yield `${paint('green', `✔ ${plural(templates, 'template')} checked: no problems`)}\n`;
    return;
  }
  const summary = `✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  yield `\n\n${paint('bold', paint(errors > 0 ? 'red' : 'yellow', summary))}\n`;
};

/**
 * `text` in lines of at most `width` characters, broken at spaces (a longer word is cut),
 * but not inside French quotes' and punctuation's spaces (`« mot »`, `mot :`).
 */
export function wrap(text: string, width: number): string[] {
  const words = text.split(' ').reduce<string[]>((merged, word) => {
    const last = merged.length - 1;
    if (last >= 0 && (/^[»:;?!]/.test(word) || merged[last].endsWith('«'))) merged[last] += ` ${word}`;
    else merged.push(word);
    return merged;
  }, []);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
    while (line.length > width) {
      lines.push(line.slice(0, width));
      line = line.slice(width);
    }
  }
  lines.push(line);
  return lines;
}
