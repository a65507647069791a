import { countProblems, type Formatter } from '../report';
import { positionsIn } from '../positions';

const ansi = { reset: 0, bold: 1, dim: 2, underline: 4, red: 31, yellow: 33 } as const;
type Style = keyof typeof ansi;

/**
 * ESLint's default look: a header per template, one aligned row per finding
 * (`line:column  severity  message  ruleId`, positions inside the body), its suggestion
 * under it, and a summary. Suppressed findings are left out: they were accepted on purpose.
 */
export const stylish: Formatter = (reports, { color }) => {
  const paint = (style: Style, text: string) => (color ? `\u001b[${ansi[style]}m${text}\u001b[${ansi.reset}m` : text);
  const blocks: string[] = [];
  for (const { source, body, result } of reports) {
    const findings = result.findings.filter((finding) => !finding.suppressed);
    if (findings.length === 0) continue;
    const positionOf = positionsIn(body);
    const rows = findings.map((finding) => {
      const { line, column } = positionOf(finding.start);
      return { position: `${line}:${column}`, finding };
    });
    const positionWidth = Math.max(...rows.map((row) => row.position.length));
    const severityWidth = Math.max(...rows.map((row) => row.finding.severity.length));
    const messageWidth = Math.max(...rows.map((row) => row.finding.message.length));
    const lines = [paint('underline', result.id ? `${source} (${result.id})` : source)];
    for (const { position, finding } of rows) {
      const severity = finding.severity.padEnd(severityWidth);
      lines.push(
        `  ${paint('dim', position.padEnd(positionWidth))}  ${paint(finding.severity === 'error' ? 'red' : 'yellow', severity)}  ` +
          `${finding.message.padEnd(messageWidth)}  ${paint('dim', finding.ruleId)}`,
      );
      if (finding.suggestion !== undefined) {
        lines.push(`  ${' '.repeat(positionWidth + severityWidth + 4)}${paint('dim', `suggestion: ${finding.suggestion}`)}`);
      }
    }
    blocks.push(lines.join('\n'));
  }
  const { errors, warnings } = countProblems(reports);
  const total = errors + warnings;
  if (total === 0) return '';
  const summary = `✖ ${total} ${plural(total, 'problem')} (${errors} ${plural(errors, 'error')}, ${warnings} ${plural(warnings, 'warning')})`;
  return `\n${blocks.join('\n\n')}\n\n${paint('bold', paint(errors > 0 ? 'red' : 'yellow', summary))}\n`;
};

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
