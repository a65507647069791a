import { join } from 'node:path';
import { SourceError, loadTemplateFile, parseTemplates } from '../../lib/cli/sources';
import { fixtures, workspace } from './run';

const template = (id: string) => ({ id, locale: 'en', category: 'transactional', body: 'Hi' });

describe('loadTemplateFile', () => {
  it('reads JSON Lines with the line of each template, skipping blank lines', () => {
    const loaded = loadTemplateFile(join(fixtures, 'alerts.jsonl'), 'alerts.jsonl');
    expect(loaded.map(({ source, line }) => [source, line])).toEqual([
      ['alerts.jsonl:1', 1],
      ['alerts.jsonl:3', 3],
      ['alerts.jsonl:4', 4],
    ]);
    expect(loaded[2].template).toEqual({ id: 'alert-3', locale: 'en', category: 'transactional', body: 'Telvo: your card\nwas declined. Pay NOW!' });
  });

  it('reads a JSON file of one template as the file, and a JSON array item by item with their lines', () => {
    expect(loadTemplateFile(join(fixtures, 'welcome.json'), 'welcome.json')).toEqual([
      {
        source: 'welcome.json',
        line: 1,
        template: { id: 'welcome', locale: 'en', category: 'promotional', body: 'Welcome to Telvo.' },
        locateBody: expect.any(Function),
      },
    ]);
    expect(loadTemplateFile(join(fixtures, 'batch.json'), 'batch.json').map(({ source, template }) => [source, (template as { id: string }).id])).toEqual([
      ['batch.json:2', 'batch-1'],
      ['batch.json:8', 'batch-2'],
    ]);
  });

  it('adds the column when items share a line, so every source is unique', () => {
    const text = `[${JSON.stringify(template('a'))}, ${JSON.stringify({ ...template('b'), body: '"[x]", {y}' })},\n ${JSON.stringify(template('c'))}]`;
    const { dir, cleanUp } = workspace({ 'flow.json': text });
    try {
      expect(loadTemplateFile(join(dir, 'flow.json'), 'flow.json').map(({ source }) => source)).toEqual(['flow.json:1:2', 'flow.json:1:67', 'flow.json:2']);
    } finally {
      cleanUp();
    }
  });

  it('reads a YAML list item by item and a YAML mapping as one template', () => {
    expect(loadTemplateFile(join(fixtures, 'reminders.yaml'), 'reminders.yaml').map(({ source, line }) => [source, line])).toEqual([
      ['reminders.yaml:2', 2],
      ['reminders.yaml:6', 6],
    ]);
    const { dir, cleanUp } = workspace({ 'one.yml': '# a comment\n\nid: one\nlocale: en\ncategory: transactional\nbody: Hi\n' });
    try {
      expect(loadTemplateFile(join(dir, 'one.yml'))).toEqual([
        { source: join(dir, 'one.yml'), line: 3, template: template('one'), locateBody: expect.any(Function) },
      ]);
    } finally {
      cleanUp();
    }
  });

  it.each([
    ['broken.jsonl', /^broken\.jsonl:3:\d+: invalid JSON: /],
    ['missing.json', /^missing\.json: cannot read: no such file$/],
  ])('throws a SourceError naming the file and line of %s', (file, message) => {
    expect(() => loadTemplateFile(join(fixtures, file), file)).toThrow(SourceError);
    expect(() => loadTemplateFile(join(fixtures, file), file)).toThrow(message);
  });

  it.each([
    ['bad.json', '{\n  "id": "x",\n  "body": "Hi",\n}\n', /^bad\.json:4:1: invalid JSON: /],
    ['bad.yaml', 'id: x\nbody: "Hi\n', /^bad\.yaml:3:1: invalid YAML: Missing closing "quote$/],
    ['notes.txt', 'Hi', /^notes\.txt: cannot read templates from a "\.txt" file \(use \.json, \.jsonl, \.yaml, \.yml\)$/],
  ])('throws a SourceError for %s', (file, content, message) => {
    const { dir, cleanUp } = workspace({ [file]: content });
    try {
      expect(() => loadTemplateFile(join(dir, file), file)).toThrow(message);
    } finally {
      cleanUp();
    }
  });
});

describe('locateBody', () => {
  /** The file text a body span is placed on, and the region's line and column. */
  function placed(file: string, content: string, index: number, start: number, end: number) {
    const { dir, cleanUp } = workspace({ [file]: content });
    try {
      const region = loadTemplateFile(join(dir, file), file)[index].locateBody!(start, end);
      const text = region.charOffset === undefined ? undefined : content.slice(region.charOffset, region.charOffset + region.charLength!);
      return { text, line: region.startLine, column: region.startColumn };
    } finally {
      cleanUp();
    }
  }

  it('places body spans of JSON and JSON Lines exactly, through escapes', () => {
    const body = String.raw`Caf\u00e9 \"Le Bon\"\nPay NOW`;
    const line = `{"id": "x", "note": "body", "body": "${body}", "locale": "en"}`;
    // Body: `Café "Le Bon"\nPay NOW`: "NOW" is at 18-21, "é" at 3-4, the quoted name at 5-13;
    // "note": "body" is a value, not the key.
    expect(placed('a.jsonl', `\n${line}\n`, 0, 18, 21)).toEqual({ text: 'NOW', line: 2, column: 64 });
    expect(placed('a.jsonl', line, 0, 3, 4)).toEqual({ text: '\\u00e9', line: 1, column: 41 });
    expect(placed('a.json', `[\n  {"id": "y", "body": "Hi"},\n  ${line}\n]`, 1, 5, 13)).toEqual({ text: '\\"Le Bon\\"', line: 3, column: 50 });
  });

  it('reads a JSON Lines file a chunk at a time as it reads its whole text: BOM, CRLF, characters split between chunks', () => {
    // 2,000 lines of about 100 bytes: the 64 KiB reads end inside lines and inside the
    // two- to four-byte characters; odd lines end in CRLF, every fifth is blank.
    const lines = Array.from({ length: 2000 }, (_, index) =>
      index % 5 === 4 ? '' : JSON.stringify({ id: `t${index}`, locale: 'fr', category: 'transactional', body: `Colis n°${index} : réglez 3 € 💶 ${'é'.repeat(index % 7)}` }),
    );
    const content = `\uFEFF${lines.map((line, index) => (index % 2 ? `${line}\r\n` : `${line}\n`)).join('')}`;
    const { dir, cleanUp } = workspace({ 'many.jsonl': content });
    try {
      const streamed = loadTemplateFile(join(dir, 'many.jsonl'), 'many.jsonl');
      const whole = parseTemplates(content.slice(1), '.jsonl', 'many.jsonl');
      expect(streamed).toHaveLength(1600);
      expect(streamed.map(({ source, line, template }) => ({ source, line, template }))).toEqual(whole.map(({ source, line, template }) => ({ source, line, template })));
      const euro = (template: unknown) => (template as { body: string }).body.indexOf('€');
      const regions = (loaded: typeof whole) => loaded.map(({ template, locateBody }) => locateBody!(euro(template), euro(template) + 1));
      expect(regions(streamed)).toEqual(regions(whole));
      const last = regions(streamed)[1599];
      expect({ line: last.startLine, text: content.slice(1).slice(last.charOffset, last.charOffset! + last.charLength!) }).toEqual({ line: 1999, text: '€' });
    } finally {
      cleanUp();
    }
  });

  it.each([
    ['plain', 'body: Pay NOW now\n', { text: 'NOW', line: 1, column: 11 }],
    ['double-quoted', '- id: x\n  body: "Pay NOW now"\n', { text: 'NOW', line: 2, column: 14 }],
    ['single-quoted', "- body: 'Pay NOW now'\n", { text: 'NOW', line: 1, column: 14 }],
    ['escaped', 'body: "Pay\\tNOW now"\n', { text: undefined, line: 1, column: undefined }],
    ['folded', 'body: >\n  Pay NOW\n  now\n', { text: undefined, line: 1, column: undefined }],
  ])('places a %s YAML body exactly when written as is, else on its line', (_kind, content, expected) => {
    expect(placed('a.yaml', content, 0, 4, 7)).toEqual(expected);
  });
});
