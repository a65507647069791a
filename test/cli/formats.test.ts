import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Log, Result } from 'sarif';
import { lint, rules } from '../../lib/engine';
import { formatters } from '../../lib/cli/formatters';
import type { TemplateReport } from '../../lib/cli/report';
import { CAPITALS, EXCLAMATION, realRulesConfig, useFixtureConfig } from './fixture-rules';
import { smslint, workspace } from './run';

const { lintWithFixtures: lintFixtures } = useFixtureConfig();

describe('stylish', () => {
  const expected = [
    '',
    'alerts.jsonl:1 (alert-1)',
    '  1:33  error    "GBP" is in capitals  fixture-capitals',
    '                 suggestion: write it in lower case',
    '  1:45  warning  exclamation mark      fixture-exclamation',
    '',
    'alerts.jsonl:4 (alert-3)',
    '  2:19  error    "NOW" is in capitals  fixture-capitals',
    '                 suggestion: write it in lower case',
    '  2:22  warning  exclamation mark      fixture-exclamation',
    '',
    '✖ 4 problems (2 errors, 2 warnings)',
    '',
  ].join('\n');

  it('is the default: a block per template with findings, body line:column, and a summary', async () => {
    const { code, stdout } = await lintFixtures(['alerts.jsonl']);
    expect(code).toBe(1);
    expect(stdout).toBe(expected);
  });

  it('is coloured on a terminal only, unless NO_COLOR or FORCE_COLOR says otherwise', async () => {
    const ansi = /\u001b\[\d+m/g;
    const onTerminal = await lintFixtures(['alerts.jsonl'], { isTTY: true });
    expect(onTerminal.stdout).toContain('\u001b[31merror  \u001b[0m');
    expect(onTerminal.stdout.replace(ansi, '')).toBe(expected);
    expect((await lintFixtures(['alerts.jsonl'], { isTTY: true, env: { NO_COLOR: '1' } })).stdout).toBe(expected);
    expect((await lintFixtures(['alerts.jsonl'], { isTTY: false, env: { FORCE_COLOR: '1' } })).stdout).toMatch(ansi);
    expect((await lintFixtures(['alerts.jsonl'], { isTTY: true, env: { FORCE_COLOR: '0' } })).stdout).toBe(expected);
  });

  it('leaves suppressed findings out and says in one line when nothing is left, unless --quiet', async () => {
    expect(await lintFixtures(['reminders.yaml', 'welcome.json'])).toEqual({ code: 0, stdout: '✔ 3 templates checked: no problems\n', stderr: '' });
    expect(await lintFixtures(['--quiet', 'reminders.yaml', 'welcome.json'])).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('stylish wrapping', () => {
  const { dir: realRules, cleanUp } = workspace({ 'smslint.config.json': realRulesConfig() });
  afterAll(cleanUp);
  const orange = "Orange alerte : votre consommation est de 197 euros. Merci de nous contacter au 3970 muni d'une carte bancaire";
  const lintOrange = (options: { columns?: number; isTTY?: boolean; env?: NodeJS.ProcessEnv }, format = 'stylish') =>
    smslint(['--format', format, '--locale', 'fr', '-'], { cwd: realRules, stdin: orange, env: { NO_COLOR: '1', ...options.env }, ...options });

  it.each([
    ['the terminal width', { isTTY: true, columns: 100 }, 100],
    ['COLUMNS when not a terminal', { env: { COLUMNS: '90' } }, 90],
    ['80 otherwise', {}, 80],
  ])('wraps messages and suggestions to %s, rule ids aligned beside the messages', async (_what, options, width) => {
    const { stdout } = await lintOrange(options);
    const findings = (JSON.parse((await lintOrange(options, 'json')).stdout) as { findings: { message: string; ruleId: string; suggestion?: string }[] }[])[0].findings;
    const lines = stdout.split('\n');
    expect(lines.filter((line) => line.length > width)).toEqual([]);
    const rows = lines.filter((line) => /^ {2}\d+:\d+ /.test(line));
    expect(rows).toHaveLength(findings.length);
    expect(new Set(rows.map((row, i) => row.length - findings[i].ruleId.length)).size).toBe(1);
    // Each message, its continuation lines joined back, reads as the engine wrote it.
    const blocks = stdout.split(/\n(?= {2}\d+:\d+ )/).slice(1);
    findings.forEach((finding, i) => {
      const [row, ...rest] = blocks[i].split('\n');
      const messageLines = [row.slice(17, row.length - finding.ruleId.length).trim(), ...rest.map((line) => line.trim())];
      const suggestionAt = messageLines.findIndex((line) => line.startsWith('suggestion: '));
      expect(messageLines.slice(0, suggestionAt).join(' ')).toBe(finding.message);
      expect(messageLines.slice(suggestionAt).join(' ').replace(/\n+$/, '').split('\n')[0]).toContain(`suggestion: ${finding.suggestion!.slice(0, 20)}`);
    });
  });

  it('never breaks inside French quotes or before French punctuation', async () => {
    const { stdout } = await lintOrange({ columns: 60, isTTY: true });
    expect(stdout.split('\n').filter((line) => /^\s*[»:;?!](\s|$)|«$/.test(line))).toEqual([]);
  });
});

describe('json', () => {
  const gsm7 = { encoding: 'GSM-7', segments: 1 };
  /** A body without placeholders: its one part, as sent. */
  const onePart = (length: number) => ({ ...gsm7, parts: [{ start: 0, end: length, units: length }] });

  it('is an array in input order of { source, id, passed, findings, encoding, segments, parts }, findings as lint() returns them', async () => {
    const { code, stdout } = await lintFixtures(['--format', 'json', 'reminders.yaml', 'alerts.jsonl']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual([
      { source: 'reminders.yaml:2', id: 'reminder-1', passed: true, findings: [], ...gsm7 },
      {
        source: 'reminders.yaml:6',
        id: 'reminder-2',
        passed: true,
        findings: [
          {
            ruleId: CAPITALS,
            severity: 'error',
            message: '"STOP" is in capitals',
            suggestion: 'write it in lower case',
            start: 6,
            end: 10,
            suppressed: true,
            suppressionReason: 'STOP is the keyword the carrier requires.',
          },
        ],
        ...onePart(29),
      },
      {
        source: 'alerts.jsonl:1',
        id: 'alert-1',
        passed: false,
        findings: [
          { ruleId: CAPITALS, severity: 'error', message: '"GBP" is in capitals', suggestion: 'write it in lower case', start: 32, end: 35 },
          { ruleId: EXCLAMATION, severity: 'warning', message: 'exclamation mark', start: 44, end: 45 },
        ],
        ...gsm7,
      },
      { source: 'alerts.jsonl:3', id: 'alert-2', passed: true, findings: [], ...onePart(26) },
      {
        source: 'alerts.jsonl:4',
        id: 'alert-3',
        passed: false,
        findings: [
          { ruleId: CAPITALS, severity: 'error', message: '"NOW" is in capitals', suggestion: 'write it in lower case', start: 35, end: 38 },
          { ruleId: EXCLAMATION, severity: 'warning', message: 'exclamation mark', start: 38, end: 39 },
        ],
        ...onePart(39),
      },
    ]);
  });
});

describe('json and stylish stream', () => {
  const bodies = ['Call 3970 NOW!!', 'Your parcel arrives tomorrow. No action is needed.', 'PAY NOW!!'];
  const context = { color: false, version: '0.0.0', columns: 80, quiet: false };
  const realRules = realRulesConfig();
  const reportOf = (body: string, index: number): TemplateReport => ({
    source: `t.jsonl:${index + 1}`,
    file: 't.jsonl',
    line: index + 1,
    body,
    result: lint({ locale: 'en', category: 'transactional', body }, realRules),
  });

  /** What the formatter did, in order: each report it read, and the sources named by each piece it gave. */
  function trace(format: string): { events: string[]; text: string } {
    const events: string[] = [];
    function* reports() {
      for (const [index, body] of bodies.entries()) {
        events.push(`read ${index + 1}`);
        yield reportOf(body, index);
      }
    }
    let text = '';
    for (const piece of formatters[format](reports(), context)) {
      events.push(`write ${piece.match(/t\.jsonl:\d/g)?.join(' ') ?? 'no report'}`);
      text += piece;
    }
    return { events, text };
  }

  it("json gives each template's entry before reading the next, the same text as the whole array", () => {
    const { events, text } = trace('json');
    expect(events).toEqual(['read 1', 'write t.jsonl:1', 'read 2', 'write t.jsonl:2', 'read 3', 'write t.jsonl:3', 'write no report']);
    const entries = bodies.map(reportOf).map(({ source, result: { id, passed, findings, ...rest } }) => ({ source, id, passed, findings, ...rest }));
    expect(text).toBe(`${JSON.stringify(entries, null, 2)}\n`);
  });

  it("stylish gives each template's block before reading the next, and a clean template none", () => {
    const { events, text } = trace('stylish');
    expect(events).toEqual(['read 1', 'write t.jsonl:1', 'read 2', 'read 3', 'write t.jsonl:3', 'write no report']);
    expect(text).toMatch(/^\nt\.jsonl:1\n[^]*\n\nt\.jsonl:3\n[^]*\n\n✖ \d+ problems \(\d+ errors?, \d+ warnings?\)\n$/);
  });

  it('json of no template is an empty array', () => {
    expect([...formatters.json([], context)].join('')).toBe('[]\n');
  });
});

describe('json measurements', () => {
  const { dir, cleanUp } = workspace({ 'smslint.config.json': realRulesConfig() });
  afterAll(cleanUp);

  it('passes every field of the lint result through: encoding, segments, and parts when the engine counts them', async () => {
    const body = `Telvo: your parcel is at the depot. ${'It is kept there until Friday, then sent back. '.repeat(4)}`.trim();
    const { stdout } = await smslint(['--format', 'json', '--sender', 'Telvo', '-'], { cwd: dir, stdin: body });
    const [entry] = JSON.parse(stdout) as Record<string, unknown>[];
    const result = lint({ locale: 'en', category: 'transactional', sender: 'Telvo', body }, realRulesConfig());
    expect({ encoding: result.encoding, segments: result.segments, parts: result.parts }).toEqual({
      encoding: 'GSM-7',
      segments: 2,
      parts: [
        { start: 0, end: 153, units: 153 },
        { start: 153, end: 223, units: 70 },
      ],
    });
    expect(entry).toEqual(JSON.parse(JSON.stringify({ source: '<stdin>', ...result })));
    expect(Object.keys(entry).slice(0, 4)).toEqual(['source', 'id', 'passed', 'findings']);
  });
});

describe('sarif', () => {
  // The official schema, vendored (see test/fixtures/README.md). It declares draft-04, whose
  // meta-schema ajv 8 does not ship, and uses no keyword whose meaning differs in draft-07:
  // only its draft-04 root `id` (a name, which ajv 8 refuses) and `$schema` are left out.
  // Its `language` pattern ends in a stray `]`, legal only without the `u` flag.
  const { id: _id, $schema: _draft, ...schema } = JSON.parse(
    readFileSync(join(__dirname, '../fixtures/sarif-schema-2.1.0.json'), 'utf8'),
  ) as Record<string, unknown>;
  const validate = new Ajv({ strict: false, validateFormats: false, unicodeRegExp: false, allErrors: true }).compile(schema);

  async function sarifOf(args: string[], stdin?: string): Promise<Log> {
    const { stdout } = await lintFixtures(['--format', 'sarif', ...args], { stdin });
    const log = JSON.parse(stdout) as Log;
    if (!validate(log)) throw new Error(`not valid SARIF 2.1.0: ${JSON.stringify(validate.errors, null, 2)}`);
    return log;
  }

  it('the vendored schema rejects what is not SARIF', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ level: 'fatal', message: { text: 'x' } }] }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [] }] })).toBe(true);
  });

  it('is one valid run whose driver describes every rule of the registry', async () => {
    const log = await sarifOf(['alerts.jsonl', 'reminders.yaml']);
    expect(log.runs).toHaveLength(1);
    const { driver } = log.runs[0].tool;
    expect(driver).toMatchObject({ name: 'smslint', informationUri: 'https://smslint.dev/' });
    expect(driver.rules!.map((rule) => rule.id)).toEqual(Object.keys(rules));
    expect(driver.rules!.find((rule) => rule.id === CAPITALS)).toEqual({
      id: CAPITALS,
      shortDescription: { text: 'Words in capitals (fixture).' },
      fullDescription: { text: 'Capitals read as shouting.' },
      helpUri: 'https://example.test/fixture-capitals',
      help: { text: 'Capitals read as shouting.' },
      defaultConfiguration: { level: 'error' },
    });
    expect(driver.rules!.find((rule) => rule.id === EXCLAMATION)!.defaultConfiguration).toEqual({ level: 'warning' });
  });

  it('places a finding at its span in the file and in the body', async () => {
    const log = await sarifOf(['alerts.jsonl']);
    const results = log.runs[0].results!;
    expect(results.map((result) => [result.ruleId, result.level])).toEqual([
      [CAPITALS, 'error'],
      [EXCLAMATION, 'warning'],
      [CAPITALS, 'error'],
      [EXCLAMATION, 'warning'],
    ]);
    const now = results[2];
    expect(now).toEqual<Result>({
      ruleId: CAPITALS,
      ruleIndex: Object.keys(rules).indexOf(CAPITALS),
      level: 'error',
      message: { text: '"NOW" is in capitals' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'alerts.jsonl' },
            // Column 109 of line 4: the `\n` escape before it takes two characters of the file.
            region: { startLine: 4, startColumn: 109, endLine: 4, endColumn: 112, charOffset: 330, charLength: 3 },
          },
          logicalLocations: [{ name: 'alert-3', fullyQualifiedName: 'alerts.jsonl:4#/body', kind: 'member' }],
          properties: {
            bodyRegion: { charOffset: 35, charLength: 3, startLine: 2, startColumn: 19, endLine: 2, endColumn: 22, snippet: { text: 'NOW' } },
          },
        },
      ],
      properties: { suggestion: 'write it in lower case' },
    });
    expect(log.runs[0].tool.driver.rules![now.ruleIndex!].id).toBe(CAPITALS);
  });

  it('keeps suppressed findings as results with an in-source suppression and its reason', async () => {
    const log = await sarifOf(['reminders.yaml']);
    expect(log.runs[0].results).toEqual([
      expect.objectContaining({
        ruleId: CAPITALS,
        suppressions: [{ kind: 'inSource', justification: 'STOP is the keyword the carrier requires.' }],
      }),
    ]);
  });

  it('gives a body read from standard input its region directly, having no file', async () => {
    const log = await sarifOf(['-'], 'Hi!');
    expect(log.runs[0].results![0].locations![0].physicalLocation).toEqual({
      artifactLocation: { description: { text: 'standard input' } },
      region: { charOffset: 2, charLength: 1, startLine: 1, startColumn: 3, endLine: 1, endColumn: 4 },
    });
  });
});

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/**
 * A strict reader for the XML subset a JUnit report uses (declaration, elements,
 * attributes, text, the five entities): throws on anything unbalanced or unescaped.
 */
function parseXml(xml: string): XmlElement {
  const declaration = '<?xml version="1.0" encoding="UTF-8"?>\n';
  if (!xml.startsWith(declaration)) throw new Error('no XML declaration');
  const token = /<\/([\w:-]+)>|<([\w:-]+)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/y;
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  token.lastIndex = declaration.length;
  while (token.lastIndex < xml.length) {
    const start = token.lastIndex;
    const match = token.exec(xml);
    if (!match) throw new Error(`malformed XML at ${start}: ${xml.slice(start, start + 40)}`);
    const [, closing, opening, attributes, selfClosing, text] = match;
    const current = stack[stack.length - 1];
    if (closing) {
      if (closing !== current.name) throw new Error(`</${closing}> closes <${current.name}>`);
      stack.pop();
    } else if (opening) {
      const element: XmlElement = { name: opening, attributes: {}, children: [], text: '' };
      for (const [, name, value] of attributes.matchAll(/([\w:-]+)="([^"]*)"/g)) element.attributes[name] = unescape(value);
      current.children.push(element);
      if (!selfClosing) stack.push(element);
    } else {
      current.text += unescape(text);
    }
  }
  if (stack.length !== 1 || root.children.length !== 1) throw new Error('unbalanced XML');
  return root.children[0];
}

function unescape(text: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  if (/[<>]|&(?!(?:amp|lt|gt|quot|apos);)/.test(text)) throw new Error(`unescaped text: ${text}`);
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => entities[name]);
}

describe('junit', () => {
  it('is well-formed: a testsuite per file, a testcase per template, failures listing error findings', async () => {
    const { code, stdout } = await lintFixtures(['--format', 'junit', 'alerts.jsonl', 'reminders.yaml', 'escapes.json']);
    expect(code).toBe(1);
    const report = parseXml(stdout);
    expect(report).toMatchObject({ name: 'testsuites', attributes: { name: 'smslint', tests: '6', failures: '3', errors: '0' } });
    expect(report.children.map((suite) => [suite.name, suite.attributes])).toEqual([
      ['testsuite', { name: 'alerts.jsonl', tests: '3', failures: '2', errors: '0' }],
      ['testsuite', { name: 'reminders.yaml', tests: '2', failures: '0', errors: '0' }],
      ['testsuite', { name: 'escapes.json', tests: '1', failures: '1', errors: '0' }],
    ]);
    const [alerts, reminders, escapes] = report.children;
    expect(alerts.children.map((testcase) => [testcase.attributes.name, testcase.children.map((child) => child.name)])).toEqual([
      ['alert-1', ['failure']],
      ['alert-2', []],
      ['alert-3', ['failure']],
    ]);
    expect(alerts.children[2].children[0]).toEqual({
      name: 'failure',
      attributes: { message: '1 error in alerts.jsonl:4', type: 'smslint' },
      children: [],
      text: `2:19 ${CAPITALS} "NOW" is in capitals`,
    });
    expect(reminders.children.every((testcase) => testcase.children.length === 0)).toBe(true);
    expect(escapes.children[0].attributes).toEqual({ name: '<b>&"quotes"', classname: 'escapes.json' });
    expect(escapes.children[0].children[0].text).toBe(`1:13 ${CAPITALS} "SAVE" is in capitals`);
  });
});
