import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describeWithShared } from '../shared';
import { smslint, workspace, type JsonEntry } from './run';

/** The labelled corpus beside the repository, linted with the real rules and no config. */
describeWithShared('smslint --format json on the labelled corpus', 'corpus/dev.jsonl', (corpus) => {
  const { dir, cleanUp } = workspace({});
  afterAll(cleanUp);

  it('gives one entry per corpus line, in order, and exits 1 exactly when one fails', async () => {
    const { code, stdout, stderr } = await smslint(['--format', 'json', corpus], { cwd: dir });
    expect(stderr).toBe('');
    const entries = JSON.parse(stdout) as JsonEntry[];
    const lines = readFileSync(corpus, 'utf8').split('\n');
    const expected = lines.flatMap((line, index) =>
      line.trim() === '' ? [] : [{ source: `${relative(dir, corpus)}:${index + 1}`, id: (JSON.parse(line) as { id: string }).id }],
    );
    expect(entries.map(({ source, id }) => ({ source, id }))).toEqual(expected);
    expect(code).toBe(entries.some((entry) => !entry.passed) ? 1 : 0);
  });

  it('--fix leaves no fixable finding, and every template where it was, only bodies changed', async () => {
    const copy = join(dir, 'corpus.jsonl');
    const original = readFileSync(corpus, 'utf8');
    writeFileSync(copy, original);
    const { stdout, stderr } = await smslint(['--fix', '--format', 'json', copy], { cwd: dir });
    expect(stderr).toBe('');
    const entries = JSON.parse(stdout) as JsonEntry[];
    expect(entries.flatMap((entry) => entry.findings.filter((finding) => finding.fix !== undefined))).toEqual([]);
    const withoutBody = (text: string) => text.split('\n').map((line) => (line.trim() === '' ? line : { ...JSON.parse(line), body: undefined }));
    expect(withoutBody(readFileSync(copy, 'utf8'))).toEqual(withoutBody(original));
  });
});

describe('smslint with the real rules', () => {
  const { dir, cleanUp } = workspace({});
  afterAll(cleanUp);

  it('reports directive-tone errors for a bare order', async () => {
    const { code, stdout } = await smslint(['--format', 'json', '--sender', 'Telvo', '-'], {
      cwd: dir,
      stdin: 'Telvo ALERT: your usage is {{amount}} GBP. Please contact us on 333 with your bank card ready.',
    });
    expect(code).toBe(1);
    const [entry] = JSON.parse(stdout) as JsonEntry[];
    expect(entry.findings.filter((finding) => finding.ruleId === 'directive-tone' && finding.severity === 'error').length).toBeGreaterThan(0);
  });
});
