import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createLinter, rules, SPAM_OUTPUTS, encodeLinearModel, type LinearModelData, type TrainedLinearModel, type LocaleData, type Template } from '../engine';
import { languageOf, readCorpus, type LabelledTemplate } from './corpus';
import { trainLogistic } from './logistic';
import { groupFolds } from './metrics';
import { design, round, type ToneTrainingOptions } from './tone';

/**
 * Training and cross-validating the spam-likeness model on labelled messages: the UCI SMS
 * Spam Collection and the Mishra & Soni smishing set for English, a team's own messages
 * (the same `label<TAB>text` lines as the UCI file) for any other language.
 */

export type SpamLabel = 'ham' | 'spam' | 'smishing';
export const SPAM_LABELS: readonly SpamLabel[] = ['ham', 'spam', 'smishing'];

export interface LabelledMessage {
  body: string;
  label: SpamLabel;
  /** The collection it comes from, for the per-collection figures. */
  source: string;
  /** A template's category, where known (the collections' messages are linted as transactional). */
  category?: Template['category'];
}

function labelOf(text: string, where: string): SpamLabel {
  const label = text.trim().toLowerCase();
  if (!(SPAM_LABELS as readonly string[]).includes(label)) throw new Error(`${where}: label "${text}" is not one of ${SPAM_LABELS.join(', ')}`);
  return label as SpamLabel;
}

/**
 * A template body may hold no control character but line breaks (the linter refuses one):
 * the collections have tabs and C1 characters left by mis-decoded text, read as spaces.
 */
export function withoutControls(text: string): string {
  return text.replace(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, ' ');
}

/** `label<TAB>text` per line, labels ham, spam or smishing (any case): the UCI file's format, and a team's. */
export function readLabelledMessages(path: string, source = path): LabelledMessage[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .flatMap((line, index) => {
      if (line.trim() === '') return [];
      const tab = line.indexOf('\t');
      if (tab < 0) throw new Error(`${path}:${index + 1}: no tab between label and text`);
      return [{ label: labelOf(line.slice(0, tab), `${path}:${index + 1}`), body: withoutControls(line.slice(tab + 1)), source }];
    });
}

/**
 * The UCI collection: its texts keep HTML entities, and `&lt;#&gt;` / `&lt;DECIMAL&gt;`
 * stand for anonymised values, so they become placeholders, which the features leave out.
 */
export function readUciCollection(path: string): LabelledMessage[] {
  return readLabelledMessages(path, 'uci').map((message) => ({
    ...message,
    body: message.body.replace(/&lt;[#A-Z]+&gt;/g, '{{value}}').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'),
  }));
}

/** The Mishra & Soni CSV (`LABEL,TEXT,URL,EMAIL,PHONE`, quoted fields, CRLF): its label and text. */
export function readMishraSoni(path: string): LabelledMessage[] {
  const rows = parseCsv(readFileSync(path, 'utf8'));
  const [header, ...data] = rows;
  if (header[0] !== 'LABEL' || header[1] !== 'TEXT') throw new Error(`${path}: expected the header LABEL,TEXT,…`);
  return data.filter((row) => row.length > 1).map((row, index) => ({ label: labelOf(row[0], `${path}: row ${index + 2}`), body: withoutControls(row[1]), source: 'mishra-soni' }));
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/**
 * What a corpus note says a template imitates: the corpus's writers added scams imitating
 * each sector ("Smishing lookalike: …", "Fake prize: …", "Job scam: …"); a bank's genuine
 * "Fraud Alert" is not one.
 */
const SCAM_NOTE = /\b(?:smishing|phishing|scam|fake|look-?alike)/i;

/**
 * The templates of a labelled corpus (`../shared/corpus`) in `language`: the scams its
 * writers imitated as smishing, the rest as ham. Written as businesses write, they teach the
 * model what legitimate business messages are, which the collections' ham (personal texts) does not.
 */
export function corpusMessages(items: readonly LabelledTemplate[], language: string, source: string): LabelledMessage[] {
  return items
    .filter((item) => languageOf(item) === language)
    .map(({ body, category, note }) => ({ body, label: note !== undefined && SCAM_NOTE.test(note) ? 'smishing' : 'ham', source, category }));
}

/** The two public English collections in `dir` (`../shared/data`), as the shipped model learns from them. */
export function readPublicCollections(dir: string): LabelledMessage[] {
  const [uci, mishraSoni] = PUBLIC_COLLECTIONS;
  return [...readUciCollection(join(dir, uci)), ...readMishraSoni(join(dir, mishraSoni))];
}

/** Word 3-grams sharing at least this share (Jaccard) make two messages near-duplicates. */
const NEAR_DUPLICATE = 0.5;
/** A 3-gram found in more messages than this ("i will call") says nothing about who copied whom. */
const COMMON_SHINGLE = 100;

/**
 * Groups near-duplicate messages (the collections hold many: the same scam with another
 * number, one message in both collections), so cross-validation keeps each group in one
 * fold. Two messages are near-duplicates when their texts, lower-cased with numbers as `#`
 * and punctuation dropped, are equal or share half their word 3-grams; groups are the
 * closure of that. Returns each message's group name.
 */
export function nearDuplicateGroups(bodies: readonly string[]): string[] {
  const parent = bodies.map((_, index) => index);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const union = (a: number, b: number) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const byKey = new Map<string, number>();
  const postings = new Map<string, number[]>();
  const shingleSets: Set<string>[] = [];
  bodies.forEach((body, i) => {
    const key = body.toLowerCase().replace(/\d+/g, '#').replace(/[^\p{L}#]+/gu, ' ').trim();
    const first = byKey.get(key);
    if (first === undefined) byKey.set(key, i);
    else union(first, i);
    const words = key.split(' ');
    const shingles = new Set(words.length < 3 ? [key] : words.slice(2).map((word, k) => `${words[k]} ${words[k + 1]} ${word}`));
    shingleSets.push(shingles);
    const shared = new Map<number, number>();
    for (const shingle of shingles) {
      let list = postings.get(shingle);
      if (!list) postings.set(shingle, (list = []));
      if (list.length <= COMMON_SHINGLE) for (const j of list) shared.set(j, (shared.get(j) ?? 0) + 1);
      list.push(i);
    }
    for (const [j, count] of shared) {
      if (count / (shingles.size + shingleSets[j].size - count) >= NEAR_DUPLICATE) union(i, j);
    }
  });
  return bodies.map((_, i) => `g${find(i)}`);
}

export interface SpamTrainingOptions extends Omit<ToneTrainingOptions, 'wordPenalty'> {
  /**
   * How many times a template (a message with a category) counts: the templates the rule
   * will read are outnumbered twenty to one by the collections' personal texts.
   */
  templateWeight: number;
}

/**
 * `prune` 0.03: dropping the features under it (half of those above 0.01) moved each
 * cross-validated figure by a message at most, and every lint looks a text's words up in a
 * table half the size.
 */
export const defaultSpamTrainingOptions: SpamTrainingOptions = { minCount: 2, l2: 0.0003, steps: 600, learningRate: 0.1, prune: 0.03, templateWeight: 16 };

export interface FeaturedMessage {
  message: LabelledMessage;
  features: Map<string, number>;
}

/** Each message's features, read once as a transactional template of the locale's language. */
export function featurizeMessages(messages: readonly LabelledMessage[], locale: LocaleData): FeaturedMessage[] {
  const linter = createLinter({ locales: [locale] });
  return messages.map((message) => ({ message, features: linter.spamFeatures({ locale: locale.language, category: 'transactional', body: message.body }) }));
}

/** Trains a spam model (spam and smishing against ham) over messages of one language. */
export function trainSpamModel(messages: readonly FeaturedMessage[], options = defaultSpamTrainingOptions, trainedOn: Record<string, unknown> = {}): LinearModelData {
  const featured = messages.flatMap((entry) => new Array<FeaturedMessage>(entry.message.category === undefined ? 1 : options.templateWeight).fill(entry));
  const { vocabulary, examples, penalty } = design(featured, { minCount: options.minCount, wordPenalty: 1 });
  const labels = featured.map(({ message }) => (message.label === 'ham' ? 0 : 1));
  const fitted = trainLogistic(examples, labels, vocabulary.length, options, penalty);
  const features: TrainedLinearModel['features'][number][] = [];
  vocabulary.forEach((name, index) => {
    const weight = fitted.weights[index];
    if (Math.abs(round(weight)) >= options.prune) features.push({ name, weights: [weight] });
  });
  const counts = Object.fromEntries(SPAM_LABELS.map((label) => [label, messages.filter(({ message }) => message.label === label).length]));
  return encodeLinearModel({ kind: 'spam', outputs: [...SPAM_OUTPUTS], bias: [round(fitted.bias)], features, trainedOn: { messages: counts, ...options, ...trainedOn } });
}

export function templateOf({ body, category = 'transactional' }: LabelledMessage, locale: LocaleData): Template {
  return { locale: locale.language, category, body };
}

/** Whether `spam-likeness`, with `model` for the locale's language, fires on each template. */
export function spamFirings(templates: readonly Template[], locale: LocaleData, model: LinearModelData | undefined): boolean[] {
  const linter = createLinter({ rules: [rules['spam-likeness']], locales: [{ ...locale, spamModel: model }] });
  return templates.map((template) => linter.lint(template).findings.length > 0);
}

/**
 * k-fold cross-validation with near-duplicates in one fold: each message is judged by the
 * rule with a model that saw neither it nor any message like it.
 */
export function crossValidateSpam(featured: readonly FeaturedMessage[], locale: LocaleData, k = 10, options = defaultSpamTrainingOptions): boolean[] {
  const groups = nearDuplicateGroups(featured.map(({ message }) => message.body));
  const folds = groupFolds(groups, k);
  const fired = new Array<boolean>(featured.length).fill(false);
  for (let fold = 0; fold < k; fold++) {
    const inFold = (i: number) => folds.get(groups[i]) === fold;
    const model = trainSpamModel(featured.filter((_, i) => !inFold(i)), options);
    const held = featured.flatMap((entry, i) => (inFold(i) ? [i] : []));
    const firings = spamFirings(held.map((i) => templateOf(featured[i].message, locale)), locale, model);
    held.forEach((i, j) => (fired[i] = firings[j]));
  }
  return fired;
}

/** The public collections the shipped English model learns from, as `../shared/data` names them. */
export const PUBLIC_COLLECTIONS = ['sms-spam-collection.tsv', 'smishing-mishra-soni-5971.csv'];

/**
 * The shipped English training set: the two public collections in `dataDir` and the English
 * templates of the labelled corpus at `corpusPath`.
 */
export function shippedSpamMessages(dataDir: string, corpusPath: string): LabelledMessage[] {
  return [...readPublicCollections(dataDir), ...corpusMessages(readCorpus(corpusPath), 'en', basename(corpusPath))];
}

/** The English model `npm run train` ships, from `shippedSpamMessages`. */
export function trainShippedSpamModel(locale: LocaleData, dataDir: string, corpusPath: string): LinearModelData {
  const messages = shippedSpamMessages(dataDir, corpusPath);
  return trainSpamModel(featurizeMessages(messages, locale), undefined, { collections: PUBLIC_COLLECTIONS, corpus: basename(corpusPath), language: locale.language });
}
