import type { Formatter } from '../report';

/**
 * The machine contract: in input order, `{ source, id, passed, findings, ... }`, findings
 * exactly as `lint()` returns them, followed by the result's measurements as the engine
 * returns them (`encoding`, `segments`, and `parts` when it counts them).
 */
export const json: Formatter = function* (reports) {
  let opening = '[\n  ';
  for (const { source, result: { id, passed, findings, ...measurements } } of reports) {
    // The text of `JSON.stringify(all, null, 2)`, an entry at a time: each is indented one level more inside the array.
    yield `${opening}${JSON.stringify({ source, id, passed, findings, ...measurements }, null, 2).replace(/\n/g, '\n  ')}`;
    opening = ',\n  ';
  }
  yield opening === '[\n  ' ? '[]\n' : '\n]\n';
};
