import type { Formatter } from '../report';

/**
 * The machine contract: in input order, `{ source, id, passed, findings, ... }`, findings
 * exactly as `lint()` returns them, followed by the result's measurements as the engine
 * returns them (`encoding`, `segments`, and `parts` when it counts them).
 */
export const json: Formatter = (reports) =>
  `${JSON.stringify(
    reports.map(({ source, result: { id, passed, findings, ...measurements } }) => ({ source, id, passed, findings, ...measurements })),
    null,
    2,
  )}\n`;
