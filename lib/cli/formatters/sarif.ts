import type { Location, Log, Region, ReportingDescriptor, Result } from 'sarif';
import { rules, type DefaultSeverity, type Finding } from '../../engine';
import { positionsIn } from '../positions';
import { wholeDocument, type TemplateReport } from '../report';

/** Where smslint documents itself; the same host as its JSON Schema ids. */
const INFORMATION_URI = 'https://smslint.dev/';

/**
 * SARIF 2.1.0, for code scanning. Engine offsets are into a template's body, so each
 * result has two regions: `physicalLocation.region`, in the file (exact for JSON and JSON
 * Lines, through escapes, and for a YAML body written as is; else the line where the body,
 * or the template, starts), and `location.properties.bodyRegion`, the same span relative
 * to the body. From standard input the body is the artifact: both regions are the same.
 */
export const sarif = wholeDocument((reports, { version }) => {
  const ruleIds = Object.keys(rules);
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'smslint', version, semanticVersion: version, informationUri: INFORMATION_URI, rules: ruleIds.map(describeRule) },
        },
        columnKind: 'utf16CodeUnits',
        results: reports.flatMap((report) => {
          const positionOf = positionsIn(report.body);
          return report.result.findings.map((finding) =>
            toResult(report, finding, ruleIds.indexOf(finding.ruleId), bodyRegion(report.body, finding, positionOf)),
          );
        }),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
});

function describeRule(id: string): ReportingDescriptor {
  const { meta } = rules[id];
  return {
    id,
    shortDescription: { text: meta.docs.description },
    fullDescription: { text: meta.docs.rationale },
    help: { text: meta.docs.rationale },
    helpUri: meta.docs.url,
    defaultConfiguration: { level: mostSevere(meta.defaultSeverity) },
  };
}

/** A rule's default level in SARIF, which has one per rule: its most severe over the categories. */
function mostSevere(severity: DefaultSeverity): 'error' | 'warning' | 'none' {
  const levels = typeof severity === 'string' ? [severity] : Object.values(severity);
  return levels.includes('error') ? 'error' : levels.includes('warning') ? 'warning' : 'none';
}

function toResult(report: TemplateReport, finding: Finding, ruleIndex: number, region: Region): Result {
  const fileRegion = report.locateBody?.(finding.start, finding.end) ?? { startLine: report.line };
  const location: Location = {
    physicalLocation: {
      artifactLocation: report.file === null ? { description: { text: 'standard input' } } : { uri: encodeURI(report.file) },
      region: fileRegion,
    },
    logicalLocations: [{ name: report.result.id ?? report.source, fullyQualifiedName: `${report.source}#/body`, kind: 'member' }],
    properties: { bodyRegion: region },
  };
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex >= 0 && { ruleIndex }),
    level: finding.severity,
    message: { text: finding.message },
    locations: [location],
    ...(finding.suppressed && { suppressions: [{ kind: 'inSource', justification: finding.suppressionReason ?? '' }] }),
    ...(finding.suggestion !== undefined && { properties: { suggestion: finding.suggestion } }),
  };
}

function bodyRegion(body: string, finding: Finding, positionOf: ReturnType<typeof positionsIn>): Region {
  const start = positionOf(finding.start);
  const end = positionOf(finding.end);
  return {
    charOffset: finding.start,
    charLength: finding.end - finding.start,
    startLine: start.line,
    startColumn: start.column,
    endLine: end.line,
    endColumn: end.column,
    snippet: { text: body.slice(finding.start, finding.end) },
  };
}
