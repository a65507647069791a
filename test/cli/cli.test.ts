import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CAPITALS, EXCLAMATION, fixtureConfig, useFixtureConfig } from './fixture-rules';
import { fixtures, smslint, workspace, type JsonEntry } from './run';

const { path: configPath, lintWithFixtures: lintFixtures } = useFixtureConfig();

describe('exit codes', () => {
  it('exits 0 when no template has an error finding', async () => {
    const { code, stdout, stderr } = await lintFixtures(['welcome.json']);
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: '✔ 1 template checked: no problems\n', stderr: '' });
  });

  it('exits 1 when a template has an error finding', async () => {
    expect((await lintFixtures(['alerts.jsonl'])).code).toBe(1);
  });

  it('exits 0 when the only error finding is suppressed in the template', async () => {
    const { code, stdout } = await lintFixtures(['--format', 'json', 'reminders.yaml']);
    expect(code).toBe(0);
    const [, reminder] = JSON.parse(stdout) as JsonEntry[];
    expect(reminder.findings).toEqual([
      expect.objectContaining({ ruleId: CAPITALS, severity: 'error', start: 6, end: 10, suppressed: true }),
    ]);
  });

  it.each([
    [['missing.jsonl'], 'missing.jsonl: no such file'],
    [['nothing-here/*.jsonl'], 'nothing-here/*.jsonl: no file matched'],
    [['broken.jsonl'], 'broken.jsonl:3:'],
    [['notes.txt'], 'notes.txt: no such file'],
    [['--format', 'xml', 'welcome.json'], 'unknown format "xml" (formats: json, junit, sarif, stylish)'],
    [['--max-warnings', 'many', 'welcome.json'], '--max-warnings takes a whole number, not "many"'],
    [['--no-such-option', 'welcome.json'], "Unknown option '--no-such-option'"],
    [[], 'no input given'],
    [['-', '-'], '- (standard input) may be given once'],
  ])('exits 2 for %j', async (args, message) => {
    const { code, stdout, stderr } = await lintFixtures(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });

  it('names the file, line and problem of invalid JSON and lints nothing', async () => {
    const { code, stdout, stderr } = await lintFixtures(['alerts.jsonl', 'broken.jsonl']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^smslint: broken\.jsonl:3:\d+: invalid JSON: .+\n$/);
  });

  it('names the file, line and JSON pointer of an invalid template field', async () => {
    const { code, stdout, stderr } = await lintFixtures(['bad-template.jsonl']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('smslint: bad-template.jsonl:2: invalid template: /category must be one of "transactional", "promotional"\n');
  });

  it('reports every invalid template, not only the first', async () => {
    const { dir, cleanUp } = workspace({
      'two-bad.jsonl': '{"locale": "en", "category": "transactional"}\n{"locale": "english", "category": "transactional", "body": "Hi"}\n',
    });
    try {
      const { code, stderr } = await lintFixtures([join(dir, 'two-bad.jsonl')], { cwd: dir });
      expect(code).toBe(2);
      expect(stderr.split('\n').filter(Boolean)).toEqual([
        'smslint: two-bad.jsonl:1: invalid template: /body is required',
        expect.stringMatching(/^smslint: two-bad\.jsonl:2: invalid template: \/locale /),
      ]);
    } finally {
      cleanUp();
    }
  });
});

describe('config', () => {
  it('finds smslint.config.json in the working directory or above', async () => {
    const { dir, cleanUp } = workspace({
      'smslint.config.json': fixtureConfig({ rules: { [CAPITALS]: 'warn' } }),
      'templates/sub/alert.json': { locale: 'en', category: 'transactional', body: 'Pay NOW' },
    });
    try {
      const { code, stdout } = await smslint(['--format', 'json', 'alert.json'], { cwd: join(dir, 'templates/sub') });
      expect(code).toBe(0);
      expect((JSON.parse(stdout) as JsonEntry[])[0].findings).toEqual([expect.objectContaining({ ruleId: CAPITALS, severity: 'warning' })]);
    } finally {
      cleanUp();
    }
  });

  it('finds the config of each file from its own folder upward, as ESLint does', async () => {
    const alert = { locale: 'en', category: 'transactional', body: 'Pay NOW' };
    const { dir, cleanUp } = workspace({
      'smslint.config.json': fixtureConfig(),
      'strict/alert.json': alert,
      'relaxed/smslint.config.json': fixtureConfig({ rules: { [CAPITALS]: 'off' } }),
      'relaxed/deeper/alert.json': alert,
      'elsewhere/smslint.config.json': fixtureConfig({ rules: { [CAPITALS]: 'warn' } }),
    });
    try {
      // Run from a folder whose own config would say otherwise: each file's folder decides.
      const { code, stdout } = await smslint(['--format', 'json', '../strict/alert.json', '../relaxed'], { cwd: join(dir, 'elsewhere') });
      expect(code).toBe(1);
      expect((JSON.parse(stdout) as JsonEntry[]).map(({ source, findings }) => [source, findings.map((f) => `${f.ruleId} ${f.severity}`)])).toEqual([
        ['../strict/alert.json', [`${CAPITALS} error`]],
        ['../relaxed/deeper/alert.json', []],
      ]);
      // --config wins over every file's own.
      const forced = await smslint(['--format', 'json', '--config', 'smslint.config.json', '../strict/alert.json', '../relaxed'], { cwd: join(dir, 'elsewhere') });
      expect((JSON.parse(forced.stdout) as JsonEntry[]).map(({ findings }) => findings.map((f) => f.severity))).toEqual([['warning'], ['warning']]);
    } finally {
      cleanUp();
    }
  });

  it('uses --config instead of the nearest config file', async () => {
    const { dir, cleanUp } = workspace({
      'smslint.config.json': fixtureConfig({ rules: { [CAPITALS]: 'off' } }),
      'alert.json': { locale: 'en', category: 'transactional', body: 'Pay NOW' },
    });
    try {
      expect((await smslint(['alert.json'], { cwd: dir })).code).toBe(0);
      expect((await smslint(['--config', configPath, 'alert.json'], { cwd: dir })).code).toBe(1);
    } finally {
      cleanUp();
    }
  });

  it.each([
    [{ rules: { 'no-such-rule': 'error' } }, 'smslint: smslint.config.json: invalid config: /rules/no-such-rule is not a rule of smslint'],
    [{ segmentLimits: { promotional: 0 } }, 'smslint: smslint.config.json: invalid config: /segmentLimits/promotional must be >= 1'],
    ['{"rules": {', 'smslint: smslint.config.json:1'],
  ])('exits 2 naming the bad field of %j', async (content, message) => {
    const { dir, cleanUp } = workspace({ 'smslint.config.json': content, 'welcome.json': readFileSync(join(fixtures, 'welcome.json'), 'utf8') });
    try {
      const { code, stdout, stderr } = await smslint(['welcome.json'], { cwd: dir });
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.startsWith(message)).toBe(true);
    } finally {
      cleanUp();
    }
  });

  describe('"model": a team\'s own tone models', () => {
    const shipped = JSON.parse(readFileSync(join(__dirname, '../../lib/engine/locales/en/tone-model.json'), 'utf8'));
    // Two bytes a weight, one weight per output of each feature.
    const shippedFeatures = Buffer.from(shipped.weights, 'base64').length / (2 * shipped.outputs.length);
    // The shipped English model, made sure that no message asks anything or reads as
    // directive: a model that visibly changes the findings, where the shipped one finds a bare order.
    const neverAsks = { ...shipped, bias: [-50, shipped.bias[1], shipped.bias[2], -50] };
    const order = { locale: 'en', category: 'transactional', body: 'Call us on 0800 123 456.' };
    const coreRules = new Set(['directive-tone', 'missing-rationale', 'missing-consequence']);
    const ruleIdsOf = (stdout: string) => (JSON.parse(stdout) as JsonEntry[])[0].findings.map((finding) => finding.ruleId).filter((id) => coreRules.has(id));

    it('lints with the models of the folder the config names, relative to the config file', async () => {
      const { dir, cleanUp } = workspace({ 'team/smslint.config.json': { model: './models' }, 'team/models/en.json': neverAsks, 'team/order.json': order, 'other/order.json': order });
      try {
        const team = await smslint(['--format', 'json', 'team/order.json'], { cwd: dir });
        expect(ruleIdsOf(team.stdout)).toEqual([]);
        const shippedRun = await smslint(['--format', 'json', 'other/order.json'], { cwd: dir });
        expect(ruleIdsOf(shippedRun.stdout)).toEqual(['directive-tone', 'missing-consequence', 'missing-rationale']);
      } finally {
        cleanUp();
      }
    });

    it.each([
      ['a name short', { ...shipped, names: '0w=call' }, `smslint: smslint.config.json: invalid tone model: /en model tone has 1 names for the ${shippedFeatures} features of "weights"\n`],
      ['format 1', { kind: 'tone', outputs: shipped.outputs, bias: shipped.bias, weights: [['w=call', 1, 0, 0, 0]] }, 'smslint: smslint.config.json: invalid tone model: /en model tone is of format 1 (rows of weights), no longer read: train it again with npm run train'],
      ['weights not in base64', { ...shipped, weights: 'not base64!' }, 'smslint: smslint.config.json: invalid tone model: /en model tone "weights" must be a base64 string\n'],
      ['null', null, 'smslint: smslint.config.json: invalid tone model: /en model is not a JSON object\n'],
      ['no folder', undefined, 'smslint: smslint.config.json: /model: the folder'],
    ])('exits 2 on a missing folder or a malformed model (%s)', async (_what, model, message) => {
      const files: Record<string, unknown> = { 'smslint.config.json': { model: './models' }, 'order.json': order };
      if (model !== undefined) files['models/en.json'] = model;
      const { dir, cleanUp } = workspace(files);
      try {
        const { code, stderr } = await smslint(['order.json'], { cwd: dir });
        expect(code).toBe(2);
        expect(stderr.startsWith(message)).toBe(true);
      } finally {
        cleanUp();
      }
    });
  });

  it('exits 2 when --config names a missing file', async () => {
    const { code, stderr } = await smslint(['--config', 'nope.json', 'welcome.json']);
    expect(code).toBe(2);
    expect(stderr).toBe('smslint: nope.json: cannot read: no such file\n');
  });
});

describe('options', () => {
  it('--max-warnings N exits 1 only past N warnings', async () => {
    const { dir, cleanUp } = workspace({ 'loud.json': { locale: 'en', category: 'transactional', body: 'Hi! Bye!' } });
    try {
      const withMax = async (max: string) => (await lintFixtures(['--max-warnings', max, join(dir, 'loud.json')], { cwd: dir })).code;
      expect(await withMax('2')).toBe(0);
      expect(await withMax('1')).toBe(1);
      const { stderr } = await lintFixtures(['--max-warnings', '1', join(dir, 'loud.json')], { cwd: dir });
      expect(stderr).toBe('smslint: 2 warnings, more than --max-warnings 1\n');
      const one = await lintFixtures(['--max-warnings', '0', join(dir, 'loud.json')], { cwd: dir, stdin: '' });
      expect(one.stderr).toBe('smslint: 2 warnings, more than --max-warnings 0\n');
    } finally {
      cleanUp();
    }
  });

  it('--quiet reports errors only and keeps the exit code', async () => {
    const { code, stdout } = await lintFixtures(['--quiet', '--format', 'json', 'alerts.jsonl']);
    expect(code).toBe(1);
    const findings = (JSON.parse(stdout) as JsonEntry[]).flatMap((entry) => entry.findings);
    expect(findings.map((finding) => `${finding.ruleId} ${finding.severity}`)).toEqual([`${CAPITALS} error`, `${CAPITALS} error`]);
  });

  it('--output-file writes the report there, creating folders, and nothing to stdout', async () => {
    const { dir, cleanUp } = workspace({});
    try {
      const { code, stdout } = await lintFixtures(['--format', 'json', '--output-file', join(dir, 'reports/smslint.json'), 'welcome.json']);
      expect({ code, stdout }).toEqual({ code: 0, stdout: '' });
      expect(JSON.parse(readFileSync(join(dir, 'reports/smslint.json'), 'utf8'))).toEqual([
        { source: 'welcome.json', id: 'welcome', passed: true, findings: [], encoding: 'GSM-7', segments: 1, parts: [{ start: 0, end: 17, units: 17 }] },
      ]);
    } finally {
      cleanUp();
    }
  });

  it('--output-file gets no colours, even from a terminal', async () => {
    const { dir, cleanUp } = workspace({});
    try {
      expect((await lintFixtures(['--output-file', join(dir, 'report.txt'), 'alerts.jsonl'], { isTTY: true })).code).toBe(1);
      const report = readFileSync(join(dir, 'report.txt'), 'utf8');
      expect(report).toContain('✖ 4 problems (2 errors, 2 warnings)');
      expect(report).not.toContain('\u001b[');
    } finally {
      cleanUp();
    }
  });

  it('--output-file is not written when the input is bad', async () => {
    const { dir, cleanUp } = workspace({});
    try {
      expect((await lintFixtures(['--output-file', join(dir, 'out.txt'), 'broken.jsonl'])).code).toBe(2);
      expect(existsSync(join(dir, 'out.txt'))).toBe(false);
    } finally {
      cleanUp();
    }
  });

  it('--help prints the usage and --version the package version', async () => {
    const help = await smslint(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: smslint \[options\] <file\|glob\|->\.\.\./);
    const version = await smslint(['--version']);
    const { version: packageVersion } = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string };
    expect(version).toEqual({ code: 0, stdout: `${packageVersion}\n`, stderr: '' });
  });
});

describe('standard input', () => {
  const schema = { type: 'object', properties: { code: { type: 'string', pattern: '^[0-9]{6}$' } }, required: ['code'] };
  const lintStdin = (args: string[], stdin: string, cwd?: string) => smslint(['--config', configPath, '--format', 'json', ...args, '-'], { stdin, cwd });

  it('--variables takes the JSON Schema of the placeholders as JSON, or from a .json or .yaml file', async () => {
    const { dir, cleanUp } = workspace({
      'vars.json': schema,
      'vars.yaml': "type: object\nproperties:\n  code: { type: string, pattern: '^[0-9]{6}$' }\nrequired: [code]\n",
    });
    try {
      for (const variables of [JSON.stringify(schema), 'vars.json', 'vars.yaml']) {
        const { code, stdout, stderr } = await lintStdin(['--variables', variables], 'Your code is {{code}}.', dir);
        expect({ variables, code, stderr }).toEqual({ variables, code: 0, stderr: '' });
        expect((JSON.parse(stdout) as JsonEntry[])[0].passed).toBe(true);
      }
    } finally {
      cleanUp();
    }
  });

  it('checks the placeholders against --variables with the real placeholder rule', async () => {
    const withPlaceholderRule = (stdin: string, args: string[] = []) =>
      smslint(['--format', 'json', ...args, '-'], { stdin, cwd: workspace({ 'smslint.config.json': fixtureConfig({ rules: { placeholder: 'error' } }) }).dir });
    const undeclared = JSON.parse((await withPlaceholderRule('Your code is {{code}}.')).stdout) as JsonEntry[];
    expect(undeclared[0].findings.map((finding) => finding.ruleId)).toEqual(['placeholder']);
    const declared = JSON.parse((await withPlaceholderRule('Your code is {{code}}.', ['--variables', JSON.stringify(schema)])).stdout) as JsonEntry[];
    expect(declared[0].findings).toEqual([]);
  });

  it.each([
    [['--variables', '{"type": "object",'], 'smslint: --variables:1'],
    [['--variables', 'missing.json'], 'smslint: missing.json: cannot read: no such file'],
    [['--variables', '{"type": "object", "properties": {"code": {"type": "string", "pattern": "^(a)\\\\1$"}}}'], 'smslint: <stdin>: invalid template: /variables/properties/code/pattern'],
  ])('exits 2 for bad %j', async (args, message) => {
    const { code, stdout, stderr } = await lintStdin(args, 'Your code is {{code}}.');
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr.startsWith(message)).toBe(true);
  });

  it.each([['empty', ''], ['a line break', '\n'], ['blank', '  \t \n']])('refuses an %s body as an input error', async (_what, stdin) => {
    expect(await lintStdin([], stdin)).toEqual({ code: 2, stdout: '', stderr: 'smslint: <stdin>: invalid template: /body must not be empty or blank\n' });
  });

  it('names the options that only describe standard input when there is none', async () => {
    expect(await lintFixtures(['--sender', 'Telvo', '--variables', '{}', 'welcome.json'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'smslint: --sender, --variables: only for a body read from - (standard input)\n',
    });
  });
});

describe('inputs', () => {
  it('lints a body from standard input with --locale, --category and --sender', async () => {
    const { code, stdout } = await lintFixtures(['--format', 'json', '--locale', 'en-GB', '--category', 'promotional', '--sender', 'Telvo', '-'], {
      stdin: 'Sale NOW!\n',
    });
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual([
      {
        source: '<stdin>',
        id: null,
        passed: false,
        findings: [
          { ruleId: CAPITALS, severity: 'error', message: '"NOW" is in capitals', suggestion: 'write it in lower case', start: 5, end: 8 },
          { ruleId: EXCLAMATION, severity: 'warning', message: 'exclamation mark', start: 8, end: 9 },
        ],
        encoding: 'GSM-7',
        segments: 1,
        parts: [{ start: 0, end: 9, units: 9 }],
      },
    ]);
  });

  it('takes the locale and category of standard input from the config, and validates them', async () => {
    const { dir, cleanUp } = workspace({ 'smslint.config.json': fixtureConfig({ defaultLocale: 'de', defaultCategory: 'promotional' }) });
    try {
      const { code, stderr } = await smslint(['-'], { cwd: dir, stdin: 'Hallo' });
      expect(code).toBe(2);
      expect(stderr).toBe('smslint: <stdin>: invalid template: /locale language "de" is not supported (supported: en, fr)\n');
      const bad = await smslint(['--locale', 'en', '--category', 'urgent', '-'], { cwd: dir, stdin: 'Hi' });
      expect(bad.stderr).toContain('<stdin>: invalid template: /category must be one of');
    } finally {
      cleanUp();
    }
  });

  it('keeps input order across files and globs, each file once', async () => {
    const { stdout } = await lintFixtures(['--format', 'json', 'welcome.json', '*.yaml', 'batch.json', 'welcome.json', 'b*.json']);
    expect((JSON.parse(stdout) as JsonEntry[]).map((entry) => entry.source)).toEqual([
      'welcome.json',
      'reminders.yaml:2',
      'reminders.yaml:6',
      'batch.json:2',
      'batch.json:8',
    ]);
  });

  it('lints the template files of a directory, in path order', async () => {
    const template = { locale: 'en', category: 'transactional', body: 'Hi' };
    const { dir, cleanUp } = workspace({
      'b.json': template,
      'a/c.yaml': 'locale: en\ncategory: transactional\nbody: Hi\n',
      'notes.txt': 'not a template',
      'smslint.config.json': fixtureConfig(),
      'node_modules/dependency/package.json': { name: 'dependency' },
      '.github/settings.json': {},
    });
    try {
      const { code, stdout } = await lintFixtures(['--format', 'json', '.'], { cwd: dir });
      expect(code).toBe(0);
      expect((JSON.parse(stdout) as JsonEntry[]).map((entry) => entry.source)).toEqual(['a/c.yaml', 'b.json']);
    } finally {
      cleanUp();
    }
  });

  it('reads every template kind with its line in the source', async () => {
    const { stdout } = await lintFixtures(['--format', 'json', 'alerts.jsonl', 'batch.json']);
    expect((JSON.parse(stdout) as JsonEntry[]).map(({ source, id }) => [source, id])).toEqual([
      ['alerts.jsonl:1', 'alert-1'],
      ['alerts.jsonl:3', 'alert-2'],
      ['alerts.jsonl:4', 'alert-3'],
      ['batch.json:2', 'batch-1'],
      ['batch.json:8', 'batch-2'],
    ]);
  });

  it('exits 2 when the inputs hold no template', async () => {
    const { dir, cleanUp } = workspace({ 'empty.jsonl': '\n\n' });
    try {
      const { code, stderr } = await lintFixtures(['empty.jsonl'], { cwd: dir });
      expect(code).toBe(2);
      expect(stderr).toBe('smslint: no template found in empty.jsonl\n');
    } finally {
      cleanUp();
    }
  });
});
