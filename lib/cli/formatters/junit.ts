import { plural, wholeDocument, type TemplateReport } from '../report';
import { positionsIn } from '../positions';

/**
 * JUnit XML for CI test tabs: a testsuite per file, a testcase per template (named by its
 * id, else its source) that fails when the template does not pass, its failure listing
 * the error findings (`line:column ruleId message`, positions inside the body).
 */
export const junit = wholeDocument((reports) => {
  const suites = new Map<string, TemplateReport[]>();
  for (const report of reports) {
    const name = report.file ?? report.source;
    suites.set(name, [...(suites.get(name) ?? []), report]);
  }
  const failures = reports.filter(({ result }) => !result.passed).length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="smslint" tests="${reports.length}" failures="${failures}" errors="0">`,
  ];
  for (const [name, members] of suites) {
    const suiteFailures = members.filter(({ result }) => !result.passed).length;
    lines.push(`  <testsuite name="${xml(name)}" tests="${members.length}" failures="${suiteFailures}" errors="0">`);
    for (const report of members) lines.push(...testcase(name, report));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
});

function testcase(suite: string, { source, body, result }: TemplateReport): string[] {
  const opening = `    <testcase name="${xml(result.id ?? source)}" classname="${xml(suite)}"`;
  if (result.passed) return [`${opening}/>`];
  const positionOf = positionsIn(body);
  const errors = result.findings.filter((finding) => finding.severity === 'error' && !finding.suppressed);
  const details = errors.map((finding) => {
    const { line, column } = positionOf(finding.start);
    return `${line}:${column} ${finding.ruleId} ${finding.message}`;
  });
  const summary = `${plural(errors.length, 'error')} in ${source}`;
  return [
    `${opening}>`,
    `      <failure message="${xml(summary)}" type="smslint">${xml(details.join('\n'))}</failure>`,
    '    </testcase>',
  ];
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for XML 1.0 and drops what XML cannot hold (control characters, lone surrogates). */
export function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[&<>"']/g, (character) => entities[character]);
}
