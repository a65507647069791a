import { builtInLocales } from '../engine';
import { TONE_CHECKS, languageOf, type LabelledTemplate, type ToneCheck } from './corpus';
import type { Score } from './metrics';
import { byLanguage, crossValidate, defaultToneTrainingOptions, featurize, firingChecks, linterWithModel, scoreChecks, trainToneModel, type Prediction } from './tone';

export interface ToneEvaluation {
  /** k-fold cross-validation on the training corpus, folds grouped by sender. */
  crossValidated: Record<string, Record<ToneCheck, Score>>;
  /** The held-out corpus, by a model trained on the whole training corpus (never on it). */
  heldOut?: Record<string, Record<ToneCheck, Score>>;
  predictions: { crossValidated: Prediction[]; heldOut: Prediction[] };
}

/** The honest figures of the tone checks: never measured on what the model was trained on. */
export function evaluateTone(training: readonly LabelledTemplate[], heldOut: readonly LabelledTemplate[] = [], folds = 10, options = defaultToneTrainingOptions): ToneEvaluation {
  const evaluation: ToneEvaluation = { crossValidated: {}, predictions: { crossValidated: [], heldOut: [] } };
  for (const locale of builtInLocales) {
    const mine = training.filter((item) => languageOf(item) === locale.language);
    if (mine.length === 0) continue;
    const featured = featurize(mine);
    const predictions = crossValidate(featured, locale, folds, options);
    evaluation.crossValidated[locale.language] = scoreChecks(predictions);
    evaluation.predictions.crossValidated.push(...predictions);
    const held = byLanguage(heldOut.map((item) => ({ item })), locale.language).map(({ item }) => item);
    if (held.length === 0) continue;
    const linter = linterWithModel(locale, trainToneModel(featured, options));
    const heldPredictions = held.map((item) => ({ item, fired: firingChecks(item, linter) }));
    (evaluation.heldOut ??= {})[locale.language] = scoreChecks(heldPredictions);
    evaluation.predictions.heldOut.push(...heldPredictions);
  }
  return evaluation;
}

/** A table of P / R / F1 per check and language. */
export function formatScores(title: string, scores: Record<string, Record<ToneCheck, Score>>): string {
  const languages = Object.keys(scores);
  const lines = [title, `| check | ${languages.map((language) => `${language} P / R / F1`).join(' | ')} |`, `|---|${languages.map(() => '---').join('|')}|`];
  for (const check of TONE_CHECKS) {
    const cells = languages.map((language) => {
      const { precision, recall, f1 } = scores[language][check];
      return `${precision.toFixed(3)} / ${recall.toFixed(3)} / ${f1.toFixed(3)}`;
    });
    lines.push(`| ${check} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
