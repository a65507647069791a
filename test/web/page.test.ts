import { createHash } from 'node:crypto';
import { lint, type Finding } from '../../lib/engine';
import { apiBaseFor } from '../../lib/web/api';
import { withSignInConfig } from '../../lib/web/auth';
import { cardsOf, excerptOf } from '../../lib/web/findings';
import { contentSecurityPolicy, pageHeaders } from '../../lib/web/headers';
import { runsOf } from '../../lib/web/highlight';
import { segmentUsage } from '../../lib/web/meter';
import { bundle, renderPlaygroundPage } from '../../lib/web/page';
import { maskedNumber } from '../../lib/web/phone';
import { rewriteSkeleton } from '../../lib/web/rewrite';
import { shiftFindings } from '../../lib/web/spans';
import { interfaceLanguage, stringsFor } from '../../lib/web/strings';
import { VARIABLE_KINDS, variablesOf, variablesSchema, type Variable } from '../../lib/web/variables';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const between = (html: string, open: string, close: string) => html.slice(html.indexOf(open) + open.length, html.indexOf(close));

function finding(ruleId: string, start: number, end: number, severity: Finding['severity'] = 'error'): Finding {
  return { ruleId, severity, message: ruleId, start, end };
}

describe('the page builder', () => {
  const html = renderPlaygroundPage();

  it('keeps the minified JavaScript of the page within 80 KB', () => {
    const { script } = bundle();
    expect(Buffer.byteLength(script, 'utf8')).toBeLessThanOrEqual(80 * 1024);
    expect(between(html, '<script>', '</script>')).toBe(script);
  });

  it('inlines one script and one style, each allowed by its hash and nothing else', () => {
    expect(html.split('<script').length - 1).toBe(1);
    expect(html.split('<style').length - 1).toBe(1);
    const csp = contentSecurityPolicy(html);
    expect(csp).toContain(`script-src ${sha256(between(html, '<script>', '</script>'))};`);
    expect(csp).toContain(`style-src ${sha256(between(html, '<style>', '</style>'))};`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('unsafe');
  });

  it('builds once and serves the cached document', () => {
    expect(renderPlaygroundPage()).toBe(html);
  });

  it('answers with the security headers', () => {
    expect(pageHeaders(html)).toEqual({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': contentSecurityPolicy(html),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
    });
  });
});

describe('the web Lambda', () => {
  it('serves the page compiled in at bundle time with where to sign in, and lets it reach only the hosted sign-in besides its own origin', async () => {
    const html = renderPlaygroundPage();
    const signIn = { url: 'https://smslint-111122223333.auth.eu-west-3.amazoncognito.com', clientId: '4example0client0id0abcdefgh' };
    Object.assign(globalThis, { PLAYGROUND_HTML: html });
    const saved = { ...process.env };
    Object.assign(process.env, { POWERTOOLS_SERVICE_NAME: 'smslint', SIGN_IN_URL: signIn.url, SIGN_IN_CLIENT_ID: signIn.clientId });
    let handler: () => Promise<{ headers: Record<string, string>; body: string }>;
    try {
      // Required after the global and the environment are set: the module reads them when it loads, as in the bundle.
      ({ handler } = require('../../lambdas/web'));
    } finally {
      process.env = saved;
    }
    const served = withSignInConfig(html, signIn);
    await expect(handler()).resolves.toEqual({ statusCode: 200, headers: pageHeaders(served, [signIn.url]), body: served });
    const { headers, body } = await handler();
    expect(headers['content-security-policy']).toContain(`connect-src 'self' ${signIn.url};`);
    // The config is outside the inline blocks, so their hashes still allow them.
    expect(between(body, '<script>', '</script>')).toBe(between(html, '<script>', '</script>'));
  });
});

describe('runsOf', () => {
  it('cuts overlapping findings into runs that know every finding over them', () => {
    const tone = finding('directive-tone', 2, 8);
    const rationale = finding('missing-rationale', 5, 10, 'warning');
    expect(runsOf(12, [tone, rationale])).toEqual([
      { start: 0, end: 2, findings: [] },
      { start: 2, end: 5, findings: [tone] },
      { start: 5, end: 8, findings: [tone, rationale] },
      { start: 8, end: 10, findings: [rationale] },
      { start: 10, end: 12, findings: [] },
    ]);
  });

  it('clamps spans to the text', () => {
    const past = finding('x', 3, 99);
    expect(runsOf(5, [past])).toEqual([
      { start: 0, end: 3, findings: [] },
      { start: 3, end: 5, findings: [past] },
    ]);
  });
});

describe('shiftFindings', () => {
  const spans = (before: string, after: string, found: Finding[]) =>
    shiftFindings(before, after, found).map(({ start, end }) => after.slice(start, end));

  it('keeps spans before an edit, shifts those after it, and stretches the one it touches', () => {
    const before = 'Call now. Pay today.';
    const found = [finding('a', 0, 4), finding('b', 5, 8), finding('c', 10, 13)];
    expect(spans(before, 'Call us now. Pay today.', found)).toEqual(['Call', 'now', 'Pay']);
    expect(spans(before, 'Call noooow. Pay today.', found)).toEqual(['Call', 'noooow', 'Pay']);
    expect(spans(before, 'Call. Pay today.', found)).toEqual(['Call', '', 'Pay']);
  });
});

describe('segmentUsage', () => {
  const none = new Map<string, number>();

  it('fills one GSM-7 segment up to 160 characters, then 153 per part', () => {
    expect(segmentUsage('a'.repeat(160), none, 'GSM-7', 1)).toEqual({ used: 160, left: 0 });
    expect(segmentUsage('a'.repeat(161), none, 'GSM-7', 2)).toEqual({ used: 8, left: 145 });
  });

  it('counts extension characters twice in GSM-7 and UTF-16 units in UCS-2', () => {
    expect(segmentUsage('€'.repeat(10), none, 'GSM-7', 1)).toEqual({ used: 20, left: 140 });
    expect(segmentUsage('ç'.repeat(71), none, 'UCS-2', 2)).toEqual({ used: 4, left: 63 });
  });

  it('counts a declared placeholder at its maximum length', () => {
    expect(segmentUsage('Hi {{ name }}!', new Map([['name', 20]]), 'GSM-7', 1)).toEqual({ used: 24, left: 136 });
  });
});

describe('interface helpers', () => {
  it('derives the API base from the page path, with or without a stage', () => {
    expect(apiBaseFor('/')).toBe('');
    expect(apiBaseFor('/prod/')).toBe('/prod');
    expect(apiBaseFor('/prod')).toBe('/prod');
  });

  it('speaks French to fr* browsers and English to the others', () => {
    expect(interfaceLanguage('fr-CA')).toBe('fr');
    expect(interfaceLanguage('FR')).toBe('fr');
    expect(interfaceLanguage('en-GB')).toBe('en');
    expect(interfaceLanguage('de-DE')).toBe('en');
    expect(stringsFor('fr').submit).toBe('Enregistrer la version');
  });

  it('turns the variables form into a JSON Schema of required strings', () => {
    expect(variablesSchema([])).toBeUndefined();
    expect(variablesSchema([{ name: 'firstName', kind: 'text', maxLength: 20 }, { name: 'link', kind: 'text' }])).toEqual({
      type: 'object',
      properties: { firstName: { type: 'string', maxLength: 20 }, link: { type: 'string' } },
      required: ['firstName', 'link'],
    });
  });

  it('masks a phone number for the sentence that says where a test went', () => {
    expect(maskedNumber('+33612345678')).toBe('+33 6•• •• •• 78');
    expect(maskedNumber('+44 7700 900123')).toBe('+44 7• •• •• •• 23');
  });
});

describe('typed variables', () => {
  const typed: Variable[] = [
    { name: 'code', kind: 'digits', maxLength: 6 },
    { name: 'amount', kind: 'amount' },
    { name: 'day', kind: 'date' },
    { name: 'slot', kind: 'time' },
    { name: 'phone', kind: 'phone' },
    { name: 'link', kind: 'link' },
    { name: 'plan', kind: 'list', values: ['Basic', 'Premium'] },
  ];
  const encodingWith = (variable: Variable) =>
    lint({ locale: 'en', category: 'transactional', sender: 'Telvo', body: `Telvo: your value is {{${variable.name}}}.`, variables: variablesSchema([variable]) }).encoding;

  it('covers every kind the page offers', () => {
    expect([...typed.map(({ kind }) => kind), 'text'].sort()).toEqual([...VARIABLE_KINDS].sort());
  });

  it('proves every kind but free text GSM-7 to the engine', () => {
    for (const variable of typed) expect([variable.kind, encodingWith(variable)]).toEqual([variable.kind, 'GSM-7']);
    expect(encodingWith({ name: 'firstName', kind: 'text', maxLength: 20 })).toBe('UCS-2');
  });

  it('bounds each kind: the length typed, else the engine kind\'s own, else the longest listed value', () => {
    const properties = variablesSchema(typed)!.properties as Record<string, { maxLength?: number; enum?: string[] }>;
    expect(properties.code).toEqual({ type: 'string', pattern: '^[0-9]+$', maxLength: 6 });
    expect(properties.day.maxLength).toBe(20);
    expect(properties.plan).toEqual({ type: 'string', enum: ['Basic', 'Premium'], maxLength: 7 });
  });

  it('reads the kinds back from a stored schema', () => {
    expect(variablesOf(variablesSchema(typed))).toEqual(
      typed.map((variable) => ({ ...variable, maxLength: (variablesSchema([variable])!.properties as Record<string, { maxLength: number }>)[variable.name].maxLength })),
    );
  });
});

describe('finding cards', () => {
  it('makes one card per span, errors first, each with its errors first', () => {
    const order = finding('directive-tone', 10, 20);
    const next = finding('missing-consequence', 10, 20, 'warning');
    const why = finding('missing-rationale', 10, 20);
    const label = finding('directive-tone', 0, 5);
    const long = finding('sms-segments', 2, 30, 'warning');
    expect(cardsOf([long, next, order, why, label])).toEqual([
      { start: 0, end: 5, severity: 'error', findings: [label] },
      { start: 10, end: 20, severity: 'error', findings: [order, why, next] },
      { start: 2, end: 30, severity: 'warning', findings: [long] },
    ]);
  });

  it('quotes the words of a span, cut between words', () => {
    const body = 'Your parcel arrives tomorrow between nine and noon at the latest.';
    expect(excerptOf(body, body.indexOf('rcel'), body.indexOf('omorrow'))).toBe('…arrives…');
    expect(excerptOf(body, 0, body.length, 30)).toBe('Your parcel arrives tomorrow…');
    expect(excerptOf(body, 5, 11)).toBe('parcel');
    // A span inside one word is quoted as it is.
    expect(excerptOf(body, 6, 9)).toBe('arc');
  });

  it('drafts a rewrite from the message with blanks for the reason and what happens next', () => {
    const body = "Orange alerte : votre consommation est de 197 euros. Merci de nous contacter au 3970 muni d'une carte bancaire";
    const request = { start: body.indexOf('Merci'), end: body.length };
    const words = stringsFor('fr');
    const skeleton = rewriteSkeleton(body, request, { reason: true, next: true }, words);
    expect(skeleton.text).toBe(`${body}${words.rewriteReason}. ${words.rewriteNext}`);
    expect(skeleton.blanks.map(({ start, end }) => skeleton.text.slice(start, end))).toEqual([
      '[pourquoi : la raison de cette demande]',
      '[ce qui se passe ensuite, ou « vous n’avez rien à faire si… »]',
    ]);
    const english = 'Please call us. We are open 9-5.';
    expect(rewriteSkeleton(english, { start: 0, end: 14 }, { reason: false, next: true }, stringsFor('en')).text).toBe(
      `Please call us. ${stringsFor('en').rewriteNext} We are open 9-5.`,
    );
  });
});
