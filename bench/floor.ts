import { hamTemplates } from './engine';
import { interleavedPasses, median, target } from './util';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the built package, as users run it, not the TypeScript source
const { lint } = require('../dist/lib/engine') as typeof import('../lib/engine');

/** write-good ships no types: the part of its API used here. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped CommonJS package
const writeGood = require('write-good') as (text: string) => Array<{ index: number; offset: number; reason: string }>;

const PASSES = 9;
const TARGET_RATIO = 2;

/**
 * A floor for any linter of these messages: 20 precompiled keyword regexes, each run over
 * every message with its match positions kept, and nothing else. Words of the kinds the
 * rules look for (orders, urgency, opt-out, links, card and account requests).
 */
const FLOOR_WORDS = [
  'call', 'reply', 'text', 'click', 'pay', 'update', 'verify', 'confirm', 'now', 'urgent',
  'today', 'stop', 'unsubscribe', 'https?://\\S+', 'card', 'account', 'password', 'pin', 'because', 'otherwise',
];
const floorRegexes = FLOOR_WORDS.map((word) => new RegExp(`\\b${word}\\b`, 'gi'));

function floor(body: string): number[] {
  const positions: number[] = [];
  for (const regex of floorRegexes) for (const match of body.matchAll(regex)) positions.push(match.index, match.index + match[0].length);
  return positions;
}

/**
 * The engine with every rule on against the regex floor and write-good, over the same
 * messages, in one process, interleaved slice by slice (`interleavedPasses`): machine load
 * moves all three together, so the ratios hold where a messages-per-second figure does not.
 */
export function runFloorBench(): void {
  const templates = hamTemplates();
  const times = interleavedPasses(
    templates,
    { engine: (template) => lint(template), floor: (template) => floor(template.body), writeGood: (template) => writeGood(template.body) },
    PASSES,
  );
  const perMessage = (name: keyof typeof times) => (median(times[name]) / templates.length) * 1e6;
  const ratio = median(times.engine.map((time, pass) => time / times.floor[pass]));
  console.log(
    `engine: ${templates.length} ham messages, ${perMessage('engine').toFixed(1)} µs a message, regex floor ${perMessage('floor').toFixed(1)} µs, ` +
      `write-good ${perMessage('writeGood').toFixed(1)} µs (medians of ${PASSES} passes interleaved slice by slice)`,
  );
  console.log(`engine: ${ratio.toFixed(2)}x the regex floor ${target('engine vs regex floor', ratio, 'at most', TARGET_RATIO, 'x')}`);
  console.log(`engine: ${median(times.writeGood.map((time, pass) => time / times.engine[pass])).toFixed(1)}x faster than write-good`);
}
