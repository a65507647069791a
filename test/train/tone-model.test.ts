import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { builtInLocales, decodeLinearModel } from '../../lib/engine';
import { languageOf, readCorpus, TONE_CHECKS } from '../../lib/train/corpus';
import { evaluateTone } from '../../lib/train/evaluate';
import { featurize, trainToneModel } from '../../lib/train/tone';
import { describeWithShared } from '../shared';

/**
 * The learned tone layer, measured honestly: 10-fold cross-validation on train.jsonl (folds
 * grouped by sender) and dev.jsonl scored by a model trained without it. The shipped
 * weights must be exactly what `npm run train` makes, so nobody ships a stale model.
 */

/**
 * The floors npm test holds. dev.jsonl: 0.90 for every check, as the issue asks.
 * Cross-validation: each check's figure of today, less a point for fold noise (all at or
 * above the 0.90 the issue asks for).
 */
const HELD_OUT_FLOOR = 0.9;
const CROSS_VALIDATED_FLOOR: Record<string, Record<string, number>> = {
  en: { 'directive-tone': 0.96, 'missing-rationale': 0.94, 'missing-consequence': 0.94 },
  fr: { 'directive-tone': 0.95, 'missing-rationale': 0.91, 'missing-consequence': 0.92 },
};

describeWithShared('tone model', 'corpus/train.jsonl', (trainPath) => {
  const training = readCorpus(trainPath);
  const heldOut = readCorpus(resolve(trainPath, '../dev.jsonl'));

  it('ships the weights npm run train makes from train.jsonl, the same on every run', () => {
    for (const locale of builtInLocales) {
      const mine = training.filter((item) => languageOf(item) === locale.language);
      const trained = trainToneModel(featurize(mine), undefined, { corpus: 'train.jsonl', language: locale.language });
      const shipped = JSON.parse(readFileSync(resolve(__dirname, `../../lib/engine/locales/${locale.language}/tone-model.json`), 'utf8'));
      // Compared decoded, so that a difference names the feature: the file's weights are one base64 string.
      expect(decodeLinearModel(JSON.parse(JSON.stringify(trained)))).toEqual(decodeLinearModel(shipped));
    }
  }, 120_000);

  describe('scores', () => {
    let evaluation: ReturnType<typeof evaluateTone>;
    beforeAll(() => {
      evaluation = evaluateTone(training, heldOut, 10);
    }, 300_000);
    for (const language of Object.keys(CROSS_VALIDATED_FLOOR)) {
      for (const check of TONE_CHECKS) {
        it(`${check} (${language}): cross-validated F1 at least ${CROSS_VALIDATED_FLOOR[language][check]}, dev.jsonl F1 at least ${HELD_OUT_FLOOR}`, () => {
          expect(evaluation.crossValidated[language][check].f1).toBeGreaterThanOrEqual(CROSS_VALIDATED_FLOOR[language][check]);
          expect(evaluation.heldOut![language][check].f1).toBeGreaterThanOrEqual(HELD_OUT_FLOOR);
        });
      }
    }
  });
});
