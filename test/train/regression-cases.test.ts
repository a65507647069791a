import { resolve } from 'node:path';
import { createLinter } from '../../lib/engine';
import { TONE_CHECKS, expectedFiring, readCorpus } from '../../lib/train/corpus';
import { firingChecks } from '../../lib/train/tone';

/**
 * The project's own labelled cases (test/fixtures/labelled/regression.jsonl), written here to
 * the spec and its clarifications, never trained on: the shipped tone models read them as
 * labelled, but for the misses named below. A new miss fails, and so does a fixed one, so
 * that this list stays the truth.
 */
// None today: "HUGE SALE" (reg-en-010) was one until a sale with no figure stopped counting as an offer's benefit.
const KNOWN_MISSES: string[] = [];

const cases = readCorpus(resolve(__dirname, '../fixtures/labelled/regression.jsonl'));

it('holds 20 cases in each language, with and without requests', () => {
  expect(cases.filter((item) => item.locale === 'en')).toHaveLength(20);
  expect(cases.filter((item) => item.locale === 'fr')).toHaveLength(20);
  expect(cases.filter((item) => item.labels.cta).length).toBeGreaterThan(20);
  expect(cases.filter((item) => !item.labels.cta).length).toBeGreaterThan(10);
});

it('reads every case as labelled, but for the known misses', () => {
  const linter = createLinter();
  const misses = cases.flatMap((item) => {
    const fired = firingChecks(item, linter);
    return TONE_CHECKS.filter((check) => fired[check] !== expectedFiring[check](item)).map((check) => `${item.id} ${check} ${fired[check] ? 'false alarm' : 'missed'}`);
  });
  expect(misses).toEqual(KNOWN_MISSES);
});
