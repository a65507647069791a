import { InputError, lint, resolveConfig, validateTemplate, wellFormedProblem } from '../../lib/engine';

function problemsOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  throw new Error('no InputError');
}

describe('well-formed input (issue 10): no lone surrogate, no control but line breaks', () => {
  const template = { locale: 'en', category: 'transactional' };

  it('names the body, and any other string, by JSON pointer', () => {
    expect(problemsOf(() => lint({ ...template, body: 'Your code \ud800 is ready.' }))).toEqual([
      { path: '/body', message: 'is not well-formed UTF-16: a lone surrogate at character 10' },
    ]);
    expect(
      problemsOf(() =>
        validateTemplate({
          ...template,
          body: 'Bell\u0007 ready',
          sender: 'Telvo\u0085',
          suppress: [{ rule: 'link', reason: 'ok\udc00' }],
          variables: { type: 'object', properties: { ['na\u0000me']: { type: 'string' } } },
        }),
      ),
    ).toEqual([
      { path: '/body', message: 'holds the control character U+0007 at character 4: only line breaks (\\n, \\r\\n) are allowed' },
      { path: '/sender', message: 'holds the control character U+0085 at character 5: only line breaks (\\n, \\r\\n) are allowed' },
      { path: '/suppress/0/reason', message: 'is not well-formed UTF-16: a lone surrogate at character 2' },
      { path: '/variables/properties/na\u0000me', message: 'has a name that holds the control character U+0000 at character 2: only line breaks (\\n, \\r\\n) are allowed' },
    ]);
  });

  it('takes line breaks, \\r\\n included, and characters outside the BMP; refuses a tab and a lone \\r', () => {
    expect(lint({ ...template, body: 'Line one.\nLine two.\r\nLine three 😀.' }).passed).toBe(true);
    expect(wellFormedProblem('a\tb', '/variables/name')).toEqual({ path: '/variables/name', message: expect.stringContaining('U+0009 at character 1') });
    expect(wellFormedProblem('a\rb', '/to')).toEqual({ path: '/to', message: expect.stringContaining('U+000D at character 1') });
    expect(wellFormedProblem('😀\n\r\n', '/to')).toBeUndefined();
  });

  it('checks the config too', () => {
    expect(problemsOf(() => resolveConfig({ senderPrefix: '\u001b[31m' }))).toEqual([
      { path: '/senderPrefix', message: 'holds the control character U+001B at character 0: only line breaks (\\n, \\r\\n) are allowed' },
    ]);
  });
});
