import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { DeployGateError, lintTemplateDirectory } from '../../lib/stack/deploy-gate';
import { fromRoot } from '../../lib/stack/paths';
import { SmslintStack } from '../../lib/stack/smslint-stack';

let root: string;

/** A folder of template files (paths may have folders) under the test's temporary root. */
function folder(name: string, files: Record<string, unknown>): string {
  const dir = join(root, name);
  mkdirSync(dir);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

/**
 * These tests are about the gate, which runs before anything else: no esbuild, and no
 * CloudFormation schema validation (13 s a synthesis here; the stack test keeps it).
 */
const appWithoutBundling = (context: Record<string, unknown> = {}) =>
  new App({ builtinCloudFormationValidation: false, context: { 'aws:cdk:bundling-stacks': [], ...context } });

const promoWithoutOptOut = { locale: 'en', category: 'promotional', sender: 'Acme', body: 'Acme: 20% off all shoes until Sunday.' };
const curlyApostrophe = { locale: 'en', category: 'transactional', sender: 'Acme', body: 'Acme: your parcel is at the depot. It’s kept there until Friday.' };
let failing: string;
let warning: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'smslint-gate-'));
  failing = folder('failing', {
    'promo.json': promoWithoutOptOut,
    'broken.yaml': 'locale: en\ncategory: transactional\n',
    'notes.txt': 'not a template: ignored',
  });
  warning = folder('warning', { 'parcel.json': curlyApostrophe });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

test('the shipped sample templates pass with no finding at all', () => {
  expect(lintTemplateDirectory(fromRoot('lib/templates'))).toEqual({
    files: ['lib/templates/en-otp.yaml', 'lib/templates/en-promo-optout.yaml', 'lib/templates/fr-usage-alert.yaml'],
    errors: [],
    warnings: [],
  });
});

test('an error finding stops the synthesis, naming each file and rule', () => {
  expect(() => new SmslintStack(appWithoutBundling(), 'Smslint', { templatesDir: failing })).toThrow(
    new RegExp(
      [
        'smslint deploy gate: 2 errors in the templates of .*failing:',
        `  ${failing}/broken.yaml: invalid-template: invalid template: /body is required`,
        `  ${failing}/promo.json:1:\\d+: opt-out: A promotional message must offer a free way to opt out.+`,
      ].join('\n'),
    ),
  );
});

test('the cdk context value templatesDir chooses the folder', () => {
  const synth = () => new SmslintStack(appWithoutBundling({ templatesDir: failing }), 'Smslint');
  expect(synth).toThrow(DeployGateError);
  expect(synth).toThrow(/promo\.json:1:\d+: opt-out/);
});

test('a missing templates folder stops the synthesis too', () => {
  expect(() => new SmslintStack(appWithoutBundling(), 'Smslint', { templatesDir: join(root, 'absent') })).toThrow(
    new DeployGateError(`smslint deploy gate: the templates folder ${join(root, 'absent')} does not exist`),
  );
});

test('a file that cannot be parsed is an error naming the file and line', () => {
  const dir = folder('unparsable', { 'bad.jsonl': `${JSON.stringify(curlyApostrophe)}\n{"locale": \n` });
  const result = lintTemplateDirectory(dir);
  expect(result.errors).toEqual([{ location: `${dir}/bad.jsonl`, ruleId: 'invalid-file', message: expect.stringMatching(/bad\.jsonl:2(:\d+)?: invalid JSON/) }]);
});

test('a warning does not stop the synthesis: it becomes a CDK warning, with no trace of the code that added it', () => {
  const stack = new SmslintStack(appWithoutBundling(), 'Smslint', { templatesDir: warning });
  const warnings = Annotations.fromStack(stack).findWarning('/Smslint/DeployGate', Match.stringLikeRegexp('smslint deploy gate'));
  const column = JSON.stringify(curlyApostrophe).indexOf('’') + 1;
  expect(warnings.map((entry) => entry.entry.data)).toEqual([
    `smslint deploy gate: ${warning}/parcel.json:1:${column}: sms-encoding: "’" is not in the GSM-7 alphabet: the whole message goes out in UCS-2, 70 characters a segment instead of 160. [ack: smslint:sms-encoding]`,
  ]);
  // The CDK CLI prints a recorded trace's first frame (this file's line) before the warning.
  expect(warnings.map((entry) => entry.entry.trace)).toEqual([undefined]);
});

test('every finding names its file, line:column and template id', () => {
  const yaml = [
    '- id: shoes-sale',
    '  locale: en',
    '  category: promotional',
    '  sender: Acme',
    '  body: "Acme: 20% off all shoes until Sunday."',
    '- locale: en',
    '  category: transactional',
    '  sender: Acme',
    '  body: Acme! your parcel is at the depot. It’s kept there until Friday.',
    '',
  ].join('\n');
  const dir = folder('located', { 'campaigns.yaml': yaml });
  const body = 'Acme: 20% off all shoes until Sunday.';
  const result = lintTemplateDirectory(dir);
  expect(result.errors).toEqual([
    { location: `${dir}/campaigns.yaml:5:${'  body: "'.length + body.length + 1}`, templateId: 'shoes-sale', ruleId: 'opt-out', message: expect.any(String) },
  ]);
  expect(result.warnings).toEqual([
    { location: `${dir}/campaigns.yaml:9:${'  body: Acme! your parcel is at the depot. It'.length + 1}`, ruleId: 'sms-encoding', message: expect.stringContaining('"’"') },
  ]);
});

test('reads the folder as the CLI does: dependencies, dot folders and config files are not templates, and each file gets its nearest config', () => {
  const dir = folder('layout', {
    'promo.json': promoWithoutOptOut,
    'staff/promo.json': promoWithoutOptOut,
    'staff/smslint.config.json': { rules: { 'opt-out': 'off' } },
    'node_modules/dependency/package.json': { name: 'dependency' },
    '.github/settings.json': { not: 'a template' },
  });
  const result = lintTemplateDirectory(dir);
  expect(result.files).toEqual([`${dir}/promo.json`, `${dir}/staff/promo.json`]);
  expect(result.errors.map((error) => `${error.location} ${error.ruleId}`)).toEqual([expect.stringMatching(new RegExp(`^${dir}/promo\\.json:1:\\d+ opt-out$`))]);
});

test('the project config decides severities: a rule turned off finds nothing', () => {
  const config = join(folder('config', {}), 'smslint.config.json');
  writeFileSync(config, JSON.stringify({ rules: { 'opt-out': 'off' } }));
  const result = lintTemplateDirectory(failing, config);
  expect(result.errors.map((error) => error.ruleId)).toEqual(['invalid-template']);
});

test('a config that does not fit its schema stops the synthesis, naming the file and field', () => {
  const config = join(folder('bad-config', {}), 'smslint.config.json');
  writeFileSync(config, JSON.stringify({ rules: { 'opt-out': 'loud' } }));
  expect(() => lintTemplateDirectory(failing, config)).toThrow(DeployGateError);
  expect(() => lintTemplateDirectory(failing, config)).toThrow(/bad-config\/smslint\.config\.json: invalid config: \/rules\/opt-out/);
});

test('the nearest smslint.config.json above the templates folder applies, as in the CLI', () => {
  const project = folder('project', { 'smslint.config.json': { rules: { 'opt-out': 'off' } } });
  const dir = join(project, 'templates');
  mkdirSync(dir);
  writeFileSync(join(dir, 'promo.json'), JSON.stringify(promoWithoutOptOut));
  expect(lintTemplateDirectory(dir).errors).toEqual([]);
});

test('a template accepted on purpose in review (suppress) does not stop the gate', () => {
  const dir = folder('suppressed', {
    'promo.json': { ...promoWithoutOptOut, suppress: [{ rule: 'opt-out', reason: 'sent only to staff who asked for it' }] },
  });
  expect(lintTemplateDirectory(dir).errors).toEqual([]);
});
