import { lint, MAX_FINDINGS_PER_RULE } from '../../lib/engine';

describe('bounded results (issue 10)', () => {
  it('keeps at most 100 findings per rule, the first by position, and says how many were left out', () => {
    const body = 'x.co '.repeat(13_107).slice(0, 65_536);
    const result = lint({ locale: 'en', category: 'transactional', body });
    const links = result.findings.filter((finding) => finding.ruleId === 'link');
    expect(links).toHaveLength(MAX_FINDINGS_PER_RULE);
    // x.co is a public shortener written without https://: two findings for each of the 13,107 links.
    expect(links.map((finding) => finding.start)).toEqual(Array.from({ length: 100 }, (_, i) => Math.floor(i / 2) * 5));
    expect(result.omitted).toEqual({ link: 2 * 13_107 - 100 });
    expect(Buffer.byteLength(JSON.stringify(result))).toBeLessThan(1_000_000);
  });

  it('says nothing when nothing was left out', () => {
    expect(lint({ locale: 'en', category: 'transactional', body: 'See x.co today.' })).not.toHaveProperty('omitted');
  });
});
