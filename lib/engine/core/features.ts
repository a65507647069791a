import { hashCode, hashMore, hashName, hashStart } from '../model/hash';
import type { Category } from '../types';
import type { Discourse, Span } from './discourse';
import { bisect } from './lexicon';

/** Receives the features of one text: a hashed name, its value, and where in the text it stands. */
export interface FeatureSink {
  add(hash: number, value: number, start: number, end: number): void;
  /** Given only when training or explaining: the name behind a hash just added. */
  named?(hash: number, name: string): void;
}

/** The features `emit` gives, by name, for training: each present or absent, as linting counts them. */
export function namedFeatures(emit: (sink: FeatureSink) => void): Map<string, number> {
  const names = new Map<number, string>();
  const hashes: number[] = [];
  emit({
    add(hash) {
      hashes.push(hash);
    },
    named(hash, name) {
      names.set(hash, name);
    },
  });
  const features = new Map<string, number>();
  for (const hash of hashes) features.set(names.get(hash)!, 1);
  return features;
}

/** Where a cue stands relative to the main request. */
const PLACES = ['none', 'before', 'same', 'after'] as const;

const PLACEHOLDER = 0xe000;

/**
 * The features of the tone decisions: the analysis's cues, alone and by where they stand
 * relative to the main request, the category, and the words and word pairs of the text
 * (lower-cased; a number is `#`, a placeholder `§`, a sentence start `<s>`).
 */
export function toneFeatures(discourse: Discourse, masked: string, category: Category, sink: FeatureSink): void {
  if (category === 'promotional') addNamed(sink, 'cat=promotional', 0, 0);
  const main = discourse.mainCta;
  const sentences = discourse.sentences;
  const mainSentence = main ? bisect(sentences.length, (k) => sentences[k].end <= main.start) : -1;
  // The cues are in text order: the sentence of each (the first that ends after its start)
  // is found by walking on from the previous cue's, not by a search per cue.
  let sentence = 0;
  for (const cue of discourse.cues) {
    const hashes = cueHashesOf(cue.name, category);
    while (sentence < sentences.length && sentences[sentence].end <= cue.start) sentence++;
    // The index of its place in PLACES.
    const place = mainSentence < 0 ? 0 : sentence < mainSentence ? 1 : sentence === mainSentence ? 2 : 3;
    sink.add(hashes.alone, 1, cue.start, cue.end);
    sink.add(hashes.at[place], 1, cue.start, cue.end);
    if (sink.named) {
      sink.named(hashes.alone, `c=${hashes.name}`);
      sink.named(hashes.at[place], `c=${hashes.name}@${PLACES[place]}`);
    }
  }
  if (main) wordsBeforeFeature(discourse, main, sink);
  wordFeatures(discourse, masked, sink);
}

/** The ranges of words before the main request, and their features' hashes, made once. */
const WORDS_BEFORE = [0, 3, 8, 16, Infinity].map((upTo, k, bounds) => {
  const name = `n=pre${upTo === 0 ? '0' : upTo === Infinity ? `${bounds[k - 1] + 1}+` : `${bounds[k - 1] + 1}-${upTo}`}`;
  return { upTo, name, hash: hashName(name) };
});

/**
 * How many words stand before the main request, in ranges: a reason stated elsewhere
 * needs words before the request, and a message that opens on its request has none.
 */
function wordsBeforeFeature(discourse: Discourse, main: Span, sink: FeatureSink): void {
  const { starts } = discourse.index;
  const before = bisect(starts.length, (k) => starts[k] < main.start);
  const range = WORDS_BEFORE.find(({ upTo }) => before <= upTo)!;
  sink.add(range.hash, 1, 0, 0);
  sink.named?.(range.hash, range.name);
}

interface CueHashes {
  name: string;
  alone: number;
  /** By place, in the order of PLACES. */
  at: number[];
}

/**
 * The hashes of a cue's features, made once per cue name: a transactional message's, then a
 * promotion's. One lookup a cue, and its place by index: no name is built on the hot path.
 */
const cueHashes = new Map<string, [CueHashes, CueHashes]>();

function cueHashesOf(cueName: string, category: Category): CueHashes {
  let hashes = cueHashes.get(cueName);
  if (!hashes) {
    hashes = [cueHashesIn(cueName, 'transactional'), cueHashesIn(cueName, 'promotional')];
    cueHashes.set(cueName, hashes);
  }
  return hashes[category === 'promotional' ? 1 : 0];
}

function cueHashesIn(cueName: string, category: Category): CueHashes {
  // An offer is a reason in a promotion, a mere mention in a transactional message.
  const name = cueName.startsWith('offer') ? `${cueName}.${category === 'promotional' ? 'promo' : 'trans'}` : cueName;
  return { name, alone: hashName(`c=${name}`), at: PLACES.map((place) => hashName(`c=${name}@${place}`)) };
}

function addNamed(sink: FeatureSink, name: string, start: number, end: number): void {
  const hash = hashName(name);
  sink.add(hash, 1, start, end);
  sink.named?.(hash, name);
}

const UNIGRAM = hashMore(hashStart, 'w=');
/** A word by where it stands: before the main request, in it, after it. */
const REGIONS = (['pre', 'cta', 'post'] as const).map((region) => ({ region, state: hashMore(hashStart, `${region}=`) }));
const BIGRAM = hashMore(hashStart, 'b=');
const SENTENCE_START = '<s>';

const MASK = String.fromCharCode(PLACEHOLDER);
/** What a token holding a digit, and a placeholder, are read as: `#`, `§`. */
const NUMBER = 0x23;
const PLACEHOLDER_TOKEN = 0xa7;
/** The pair state after `<s>`: what a sentence's first token pairs with. */
const SENTENCE_START_STATE = hashCode(hashMore(BIGRAM, SENTENCE_START), 0x20);

/**
 * Tokens in order: the words of the index and the placeholders (runs of the mask), with a
 * sentence start `<s>` before the first token of each sentence. Each token is read once and
 * hashed three ways (alone, in its region, after the previous token); the pair state
 * carries `b=<previous token> ` to the next one, so no token is hashed twice.
 */
function wordFeatures(discourse: Discourse, masked: string, sink: FeatureSink): void {
  const { index, sentences, mainCta: main } = discourse;
  const { starts, ends, lower } = index;
  const length = masked.length;
  let sentence = 0;
  let previousStart = -1;
  let previousEnd = -1;
  let previousNumber = false;
  let pairState = SENTENCE_START_STATE;
  let k = 0;
  let nextMask = masked.indexOf(MASK);
  while (k < starts.length || nextMask >= 0) {
    let start: number;
    let end: number;
    const placeholder = nextMask >= 0 && (k >= starts.length || nextMask < starts[k]);
    if (placeholder) {
      start = nextMask;
      end = start + 1;
      while (end < length && masked.charCodeAt(end) === PLACEHOLDER) end++;
      nextMask = masked.indexOf(MASK, end);
    } else {
      start = starts[k];
      end = ends[k++];
    }
    const number = !placeholder && hasDigit(lower, start, end);
    // "0330 100 2000", "£1,150.00": one number, one `#`.
    if (number && previousNumber && start - previousEnd <= 2) {
      previousEnd = end;
      continue;
    }
    while (sentence < sentences.length && sentences[sentence].end <= start) sentence++;
    const sentenceStart = sentence < sentences.length ? sentences[sentence].start : length;
    if (previousStart < sentenceStart && start >= sentenceStart) {
      previousStart = -1; // a new sentence: the pair is (<s>, token)
      pairState = SENTENCE_START_STATE;
    }
    const regionIndex = main === undefined ? -1 : start < main.start ? 0 : start < main.end ? 1 : 2;
    let unigram = UNIGRAM;
    let regional = regionIndex < 0 ? 0 : REGIONS[regionIndex].state;
    let bigram = pairState;
    let next = BIGRAM;
    if (placeholder || number) {
      const code = placeholder ? PLACEHOLDER_TOKEN : NUMBER;
      unigram = hashCode(unigram, code);
      regional = hashCode(regional, code);
      bigram = hashCode(bigram, code);
      next = hashCode(next, code);
    } else {
      for (let i = start; i < end; i++) {
        const code = lower.charCodeAt(i);
        unigram = hashCode(unigram, code);
        regional = hashCode(regional, code);
        bigram = hashCode(bigram, code);
        next = hashCode(next, code);
      }
    }
    sink.add(unigram >>> 0, 1, start, end);
    if (regionIndex >= 0) sink.add(regional >>> 0, 1, start, end);
    sink.add(bigram >>> 0, 1, previousStart < 0 ? start : previousStart, end);
    if (sink.named) {
      const name = tokenName(lower, start, end);
      sink.named(unigram >>> 0, `w=${name}`);
      if (regionIndex >= 0) sink.named(regional >>> 0, `${REGIONS[regionIndex].region}=${name}`);
      sink.named(bigram >>> 0, `b=${previousStart < 0 ? SENTENCE_START : tokenName(lower, previousStart, previousEnd)} ${name}`);
    }
    previousStart = start;
    previousEnd = end;
    previousNumber = number;
    pairState = hashCode(next, 0x20);
  }
}

function hasDigit(lower: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = lower.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) return true;
  }
  return false;
}

/** The name a token's features carry, for training and explanations. */
export function tokenName(lower: string, start: number, end: number): string {
  if (lower.charCodeAt(start) === PLACEHOLDER) return '§';
  return /\d/.test(lower.slice(start, end)) ? '#' : lower.slice(start, end);
}
