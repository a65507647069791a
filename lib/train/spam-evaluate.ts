import type { LocaleData } from '../engine';
import { crossValidateSpam, defaultSpamTrainingOptions, featurizeMessages, spamFirings, templateOf, trainSpamModel, type LabelledMessage } from './spam';

/** One line of the spam-likeness figures: how many messages of a kind the rule flags. */
export interface SpamRow {
  kind: string;
  messages: number;
  flagged: number;
  /** Recall for spam and smishing; the share flagged for ham. */
  share: number;
  /** For spam and smishing: of what the rule flags among them and the ham of the same evaluation, the share that is theirs. */
  precision?: number;
}

export interface SpamEvaluation {
  /** k-fold cross-validation over the training messages, near-duplicates in one fold. */
  crossValidated: SpamRow[];
  /** The held-out messages, by a model trained on every training message (never on them). */
  heldOut: SpamRow[];
  /** Each message with whether the rule fired, for `--errors`. */
  predictions: { message: LabelledMessage; fired: boolean }[];
}

/** The honest figures of spam-likeness: never measured on what the model was trained on. */
export function evaluateSpam(
  training: readonly LabelledMessage[],
  heldOut: readonly LabelledMessage[],
  locale: LocaleData,
  folds = 10,
  options = defaultSpamTrainingOptions,
): SpamEvaluation {
  const featured = featurizeMessages(training, locale);
  const crossFired = crossValidateSpam(featured, locale, folds, options);
  const heldFired = heldOut.length === 0 ? [] : spamFirings(heldOut.map((message) => templateOf(message, locale)), locale, trainSpamModel(featured, options));
  return {
    crossValidated: rowsOf(training, crossFired),
    heldOut: rowsOf(heldOut, heldFired),
    predictions: [...training.map((message, i) => ({ message, fired: crossFired[i] })), ...heldOut.map((message, i) => ({ message, fired: heldFired[i] }))],
  };
}

/** Per label, then per label and collection where there are several. */
function rowsOf(messages: readonly LabelledMessage[], fired: readonly boolean[]): SpamRow[] {
  const hamFlagged = messages.filter((message, i) => message.label === 'ham' && fired[i]).length;
  const row = (kind: string, keep: (message: LabelledMessage) => boolean, ham: boolean): SpamRow => {
    const chosen = messages.flatMap((message, i) => (keep(message) ? [fired[i]] : []));
    const flagged = chosen.filter(Boolean).length;
    return { kind, messages: chosen.length, flagged, share: flagged / chosen.length, ...(!ham && { precision: flagged / (flagged + hamFlagged) }) };
  };
  const sources = [...new Set(messages.map(({ source }) => source))];
  const rows: SpamRow[] = [];
  for (const label of ['smishing', 'spam', 'ham'] as const) {
    rows.push(row(label, (message) => message.label === label, label === 'ham'));
    if (sources.length > 1) for (const source of sources) rows.push(row(`${label} (${source})`, (message) => message.label === label && message.source === source, label === 'ham'));
  }
  return rows.filter(({ messages: count }) => count > 0);
}

/** The figures as a markdown table. */
export function formatSpamRows(title: string, rows: readonly SpamRow[]): string {
  return [
    title,
    '| messages | count | flagged | recall (spam, smishing) / share flagged (ham) | precision |',
    '|---|---|---|---|---|',
    ...rows.map(({ kind, messages, flagged, share, precision }) => `| ${kind} | ${messages} | ${flagged} | ${share.toFixed(3)} | ${precision === undefined ? '' : precision.toFixed(3)} |`),
  ].join('\n');
}
