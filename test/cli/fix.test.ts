import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint, resolveConfig } from '../../lib/engine';
import { MAX_FIX_PASSES, fixTemplate } from '../../lib/cli/fix';
import { changedSpan } from '../../lib/cli/rewrite';
import { DOUBLE_SPACE, ENDLESS, fixtureConfig } from './fixture-rules';
import { smslint, workspace, type JsonEntry } from './run';

const config = fixtureConfig();
const template = (body: string, extra: Record<string, unknown> = {}) => ({ locale: 'en', category: 'transactional', body, ...extra });

/** A workspace with the fixture config and `files`; `run` lints there; `read` reads a file back. */
function project(files: Record<string, unknown>) {
  const { dir, cleanUp } = workspace({ 'smslint.config.json': config, ...files });
  afterAll(cleanUp);
  return {
    dir,
    run: (args: string[], stdin?: string) => smslint(args, { cwd: dir, stdin }),
    read: (name: string) => readFileSync(join(dir, name), 'utf8'),
  };
}

describe('fixTemplate', () => {
  const resolved = resolveConfig(config);
  const fix = (body: string, settings = resolved) => {
    const t = template(body) as Parameters<typeof fixTemplate>[0];
    return fixTemplate(t, settings, lint(t, settings));
  };

  it('lints and fixes again until nothing applies: four spaces take two passes to become one', () => {
    const { body, result, applied } = fix('Hi    there  you');
    expect({ body, applied }).toEqual({ body: 'Hi there you', applied: 4 });
    expect(result).toEqual(lint(template('Hi there you'), resolved));
  });

  it(`stops after ${MAX_FIX_PASSES} passes when fixes never run out`, () => {
    const endless = resolveConfig(fixtureConfig({ rules: { [ENDLESS]: 'warn' } }));
    const { body, applied, result } = fix('Hi', endless);
    expect({ body, applied }).toEqual({ body: `${'>'.repeat(MAX_FIX_PASSES)}Hi`, applied: MAX_FIX_PASSES });
    expect(result.findings.map((finding) => finding.ruleId)).toEqual([ENDLESS]);
  });

  it('leaves a body without fixable findings as it is', () => {
    expect(fix('Hi there').applied).toBe(0);
  });
});

describe('changedSpan', () => {
  it('is the one span that differs, never cutting a surrogate pair', () => {
    expect(changedSpan('Hi  there', 'Hi there')).toEqual({ start: 3, end: 4, text: '' });
    expect(changedSpan('a😀b', 'a😃b')).toEqual({ start: 1, end: 3, text: '😃' });
    expect(changedSpan('same', 'same')).toEqual({ start: 4, end: 4, text: '' });
  });
});

describe('--fix', () => {
  const json = '{\n  "id": "j",\n  "locale": "en",\n  "category": "transactional",\n  "body": "Caf\\u00e9  \\"open\\"    now.\\nBye"\n}\n';
  const jsonl = `${JSON.stringify(template('Fine.', { id: 'a' }))}\n\n${JSON.stringify(template('Two  spaces.', { id: 'b' }))}\r\n`;
  const yaml = [
    '# Reminders, reviewed by Ops',
    '- id: plain',
    '  locale: en',
    '  category: transactional',
    '  body: Your  visit is tomorrow. # keep this comment',
    '- id: block',
    '  locale: en',
    '  category: transactional',
    '  body: |',
    '    Line one  here.',
    '    Line two.',
    '- id: quoted',
    '  locale: en',
    '  category: transactional',
    "  body: 'It''s  here.'",
    '- id: quoted-double',
    '  locale: en',
    '  category: transactional',
    '  variables: { type: object, properties: { time: { type: string, maxLength: 5 } } }',
    '  body: "At  {{time}}: ok."',
    '- { id: flow, locale: en, category: transactional, body: Flow  style. }',
    '',
  ].join('\n');
  const { run, read } = project({ 'one.json': json, 'lines.jsonl': jsonl, 'list.yaml': yaml, 'clean.json': template('Nothing to fix.') });

  it('rewrites only the changed characters of JSON bodies, escapes and layout kept', async () => {
    const { code, stdout } = await run(['--fix', '--format', 'json', 'one.json', 'lines.jsonl', 'clean.json']);
    expect(code).toBe(0);
    expect(read('one.json')).toBe(json.replace('  \\"open\\"    now', ' \\"open\\" now'));
    expect(read('lines.jsonl')).toBe(jsonl.replace('Two  spaces', 'Two spaces'));
    expect(read('clean.json')).toBe(JSON.stringify(template('Nothing to fix.')));
    // The report is of the files as they now are: nothing left to fix.
    const entries = JSON.parse(stdout) as JsonEntry[];
    expect(entries.map(({ source, findings }) => [source, findings.length])).toEqual([
      ['one.json', 0],
      ['lines.jsonl:1', 0],
      ['lines.jsonl:3', 0],
      ['clean.json', 0],
    ]);
  });

  it('rewrites YAML bodies in their own style and keeps comments and everything else', async () => {
    expect((await run(['--fix', 'list.yaml'])).code).toBe(0);
    expect(read('list.yaml')).toBe(
      yaml
        .replace('Your  visit', 'Your visit')
        .replace('Line one  here', 'Line one here')
        .replace("It''s  here", "It''s here")
        .replace('At  {{time}}', 'At {{time}}')
        .replace('Flow  style', 'Flow style'),
    );
  });
});

describe('--fix-dry-run', () => {
  const yaml = '# one\nid: dry\nlocale: en\ncategory: transactional\nbody: Hello  there.\n';
  const { run, read } = project({ 'dry.yaml': yaml });

  it('prints a unified diff, then the report of what would remain, and changes no file', async () => {
    const { code, stdout } = await run(['--fix-dry-run', 'dry.yaml']);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        '--- a/dry.yaml',
        '+++ b/dry.yaml',
        '@@ -1,5 +1,5 @@',
        ' # one',
        ' id: dry',
        ' locale: en',
        ' category: transactional',
        '-body: Hello  there.',
        '+body: Hello there.',
        '✔ 1 template checked: no problems',
        '',
      ].join('\n'),
    );
    expect(read('dry.yaml')).toBe(yaml);
  });

  it('shows what standard input would become', async () => {
    const { stdout } = await run(['--fix-dry-run', '-'], 'Hi  you\n');
    expect(stdout.split('\n').slice(0, 4)).toEqual(['--- a/<stdin>', '+++ b/<stdin>', '@@ -1,1 +1,1 @@', '-Hi  you']);
  });

  it.each([
    [['--fix', '-'], '--fix rewrites files: for - (standard input), use --fix-dry-run'],
    [['--fix', '--fix-dry-run', 'dry.yaml'], 'give --fix or --fix-dry-run, not both'],
    [['--fix-dry-run', '--format', 'json', 'dry.yaml'], '--fix-dry-run prints a diff on standard output: give --output-file for the json report'],
  ])('%j is a usage error', async (args, message) => {
    expect(await run(args, 'Hi')).toEqual({ code: 2, stdout: '', stderr: `smslint: ${message}\n` });
  });
});

test(`the double-space fixture rule is on in the fixture config (${DOUBLE_SPACE})`, () => {
  expect((config.rules as Record<string, string>)[DOUBLE_SPACE]).toBeUndefined();
  expect(lint(template('a  b'), config).findings.map((finding) => finding.fix)).toEqual([{ start: 1, end: 3, text: ' ' }]);
});
