import type { Formatter } from '../report';

/** The machine contract: in input order, `{ source, id, passed, findings }`, findings exactly as `lint()` returns them. */
export const json: Formatter = (reports) =>
  `${JSON.stringify(
    reports.map(({ source, result }) => ({ source, id: result.id, passed: result.passed, findings: result.findings })),
    null,
    2,
  )}\n`;
