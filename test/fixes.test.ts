import { applyFixes, type Finding } from '../lib/engine';

function finding(start: number, end: number, text: string, extra: Partial<Finding> = {}): Finding {
  return { ruleId: 'sms-encoding', severity: 'warning', message: 'm', start, end, fix: { start, end, text }, ...extra };
}

describe('applyFixes', () => {
  it('applies non-overlapping edits in body order, whatever order the findings come in', () => {
    const body = 'It’s “here” now';
    const findings = [finding(5, 6, '"'), finding(2, 3, "'"), finding(10, 11, '"')];
    expect(applyFixes(body, findings)).toEqual({ output: `It's "here" now`, applied: [findings[1], findings[0], findings[2]] });
  });

  it('leaves an edit that overlaps one already taken for the next pass', () => {
    const first = finding(0, 4, 'https://x.co');
    const overlapping = finding(2, 6, 'zz');
    expect(applyFixes('x.co/abc', [first, overlapping])).toEqual({ output: 'https://x.co/abc', applied: [first] });
  });

  it('skips findings without a fix and suppressed ones', () => {
    const suppressed = finding(0, 1, 'b', { suppressed: true, suppressionReason: 'on purpose' });
    const { fix: _none, ...plain } = finding(1, 2, 'c');
    expect(applyFixes('aa', [suppressed, plain])).toEqual({ output: 'aa', applied: [] });
  });
});
