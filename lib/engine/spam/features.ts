import type { Discourse } from '../core/discourse';
import { tokenName, type FeatureSink } from '../core/features';
import { lexiconFor } from '../core/lexicon';
import type { LocaleData } from '../locales';
import { hashCode, hashMore, hashName, hashStart } from '../model/hash';
import { HashIndex } from '../model/hash-index';
import { forEachLink, isShortener } from '../sms/links';
import { perLocale } from '../sms/per-language';

/** The word groups of `sms.json` → `spam` that the model reads as one feature each. */
export const SPAM_WORD_GROUPS = ['prize', 'money', 'urgency', 'threat'] as const;
export type SpamWordGroup = (typeof SPAM_WORD_GROUPS)[number];

/** Words of at least this many letters also give their character 4-grams (`winn`, `inne`, …). */
const CHAR_GRAM_MIN_WORD = 5;
const CHAR_GRAM = 4;

/** What a word holding a digit is read as: `#`. */
const NUMBER = 0x23;
const UNIGRAM = hashMore(hashStart, 'w=');
const BIGRAM = hashMore(hashStart, 'b=');
const CHARS = hashMore(hashStart, 'g=');
const CUE = hashMore(hashStart, 'c=');
/** Cue names are few: each is hashed once. */
const cueHashes = new Map<string, number>();
const GROUP = SPAM_WORD_GROUPS.map((group) => named(`k=${group}`));

/**
 * A locale's spam words by the hash of the word or word pair they are (`w=won`, `b=# hours`),
 * so that finding them costs one lookup of a hash the word features compute anyway.
 */
const wordGroupsOf = perLocale(({ language, sms: { spam } }) => {
  const entries = SPAM_WORD_GROUPS.flatMap((group, groupIndex) =>
    spam[group].map((entry) => {
      const words = entry.split(/[^\p{L}\p{N}#]+/u).filter(Boolean);
      if (words.length < 1 || words.length > 2) throw new Error(`${language} sms.json spam.${group}: "${entry}" must be one or two words`);
      return { hash: hashName(words.length === 1 ? `w=${words[0]}` : `b=${words[0]} ${words[1]}`), groupIndex };
    }),
  );
  // By index in SPAM_WORD_GROUPS; a word listed in two groups counts in the first.
  const groups = new HashIndex(entries.length);
  for (const { hash, groupIndex } of entries) groups.set(hash, groupIndex);
  return groups;
});

/** The word group of a word or word-pair feature (`w=won`, `b=last chance`), if the locale lists it. */
export function wordGroupOf(locale: LocaleData, feature: string): SpamWordGroup | undefined {
  return SPAM_WORD_GROUPS[wordGroupsOf(locale).get(hashName(feature))];
}

interface Named {
  hash: number;
  name: string;
}

function named(name: string): Named {
  return { hash: hashName(name), name };
}

/** Features of fixed names, hashed once. */
const F = {
  caps1: named('caps=1'),
  caps2: named('caps=2+'),
  capsName: named('caps=name'),
  capsNames: named('caps=name2+'),
  bang1: named('!=1'),
  bang2: named('!=2+'),
  currency: named('money=sign'),
  percent: named('pct'),
  numShort: named('num=short'),
  numMid: named('num=mid'),
  numPhone: named('num=phone'),
  numLong: named('num=long'),
  numIntl: named('num=intl'),
  email: named('email'),
  link: named('link'),
  https: named('link=https'),
  http: named('link=http'),
  www: named('link=www'),
  bare: named('link=bare'),
  shortener: named('link=shortener'),
  path: named('link=path'),
  placeholderLink: named('link=placeholder'),
  partPlaceholder: named('link=partPlaceholder'),
  hostDigits: named('host=digits'),
  hostHyphen: named('host=hyphen'),
  subdomain: named('host=sub'),
};

function add(sink: FeatureSink, feature: Named, start: number, end: number): void {
  sink.add(feature.hash, 1, start, end);
  sink.named?.(feature.hash, feature.name);
}

/**
 * The features of spam-likeness: the words, word pairs and character 4-grams of the text
 * (placeholders are left out, numbers are `#`: a template's values are not its wording),
 * the locale's spam words by group, the analysis's cues (pressure, alarm, offers, requests),
 * capitals, exclamation marks, currency signs, the shapes of numbers and the shapes of links.
 */
export function spamFeatures(discourse: Discourse, masked: string, locale: LocaleData, sink: FeatureSink): void {
  wordFeatures(discourse, wordGroupsOf(locale), sink);
  for (const cue of discourse.cues) {
    let hash = cueHashes.get(cue.name);
    if (hash === undefined) cueHashes.set(cue.name, (hash = hashMore(CUE, cue.name) >>> 0));
    sink.add(hash, 1, cue.start, cue.end);
    sink.named?.(hash, `c=${cue.name}`);
  }
  const capitals = discourse.index.capitals;
  if (capitals.length > 0) add(sink, capitals.length > 1 ? F.caps2 : F.caps1, capitals[0].start, capitals[0].end);
  // Capitals that spell no word ("FREEMSG", "TXT"): no shouting for the tone checks, but spam writes them more than ham.
  const lexicon = lexiconFor(locale);
  const names = capitals.filter(({ start, end }) => !lexicon.isWord(masked.slice(start, end)));
  if (names.length > 0) add(sink, names.length > 1 ? F.capsNames : F.capsName, names[0].start, names[0].end);
  characterFeatures(masked, sink);
  linkFeatures(masked, sink);
}

function wordFeatures(discourse: Discourse, groups: HashIndex, sink: FeatureSink): void {
  const { starts, ends, lower } = discourse.index;
  // The state of `b=<previous word> `, or undefined at the first word.
  let pairState: number | undefined;
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k];
    const end = ends[k];
    // One pass over the word hashes it three ways: alone, after the previous word, and as
    // the first of the next pair (as the tone features do, read once instead of four times).
    let unigram = UNIGRAM;
    let next = BIGRAM;
    let bigram = pairState ?? 0;
    let number = false;
    for (let i = start; i < end; i++) {
      const code = lower.charCodeAt(i);
      if (code >= 0x30 && code <= 0x39) {
        number = true;
        break;
      }
      unigram = hashCode(unigram, code);
      next = hashCode(next, code);
      bigram = hashCode(bigram, code);
    }
    if (number) {
      unigram = hashCode(UNIGRAM, NUMBER);
      next = hashCode(BIGRAM, NUMBER);
      bigram = hashCode(pairState ?? 0, NUMBER);
    }
    unigram >>>= 0;
    bigram >>>= 0;
    sink.add(unigram, 1, start, end);
    if (pairState !== undefined) sink.add(bigram, 1, starts[k - 1], end);
    if (sink.named) {
      sink.named(unigram, `w=${tokenName(lower, start, end)}`);
      if (pairState !== undefined) sink.named(bigram, `b=${tokenName(lower, starts[k - 1], ends[k - 1])} ${tokenName(lower, start, end)}`);
    }
    const wordGroup = groups.get(unigram);
    const group = wordGroup >= 0 || pairState === undefined ? wordGroup : groups.get(bigram);
    if (group >= 0) add(sink, GROUP[group], wordGroup < 0 ? starts[k - 1] : start, end);
    if (!number && end - start >= CHAR_GRAM_MIN_WORD) charGrams(lower, start, end, sink);
    pairState = hashCode(next, 0x20);
  }
}

/** Spelling shared by a family of words (`winner`, `winning`) and by disguised ones. */
function charGrams(lower: string, start: number, end: number, sink: FeatureSink): void {
  for (let at = start; at + CHAR_GRAM <= end; at++) {
    const hash = hashMore(CHARS, lower, at, at + CHAR_GRAM) >>> 0;
    sink.add(hash, 1, start, end);
    sink.named?.(hash, `g=${lower.slice(at, at + CHAR_GRAM)}`);
  }
}

const CURRENCY_SIGNS = '£$€¥₹₦₱';
/**
 * The characters the pass reads (`!`, `%`, `@`, currency signs, digits): the regex engine
 * skips the others, most of a text, faster than a loop in script reads them one by one.
 */
const READ = new RegExp(`[!%@0-9${CURRENCY_SIGNS}]`, 'g');

/** Where the next character the pass reads stands, at or after `from`; -1 when none. */
function nextRead(masked: string, from: number): number {
  READ.lastIndex = from;
  return READ.test(masked) ? READ.lastIndex - 1 : -1;
}

/** One pass over the characters: exclamation marks, currency signs, `%`, e-mail addresses and numbers by shape. */
function characterFeatures(masked: string, sink: FeatureSink): void {
  let exclamations = 0;
  let firstExclamation = -1;
  for (let i = nextRead(masked, 0); i >= 0; i = nextRead(masked, i)) {
    const code = masked.charCodeAt(i);
    if (isDigit(code)) {
      i = numberFeatures(masked, i, sink);
      continue;
    }
    if (code === 0x21 /* ! */) {
      if (exclamations++ === 0) firstExclamation = i;
    } else if (code === 0x25 /* % */) add(sink, F.percent, i, i + 1);
    else if (code === 0x40 /* @ */) {
      if (i > 0 && isDigitOrLetter(masked.charCodeAt(i - 1)) && masked.indexOf('.', i) > i + 1) add(sink, F.email, i, i + 1);
    } else add(sink, F.currency, i, i + 1);
    i++;
  }
  if (exclamations > 0) add(sink, exclamations > 1 ? F.bang2 : F.bang1, firstExclamation, firstExclamation + 1);
}

/** The shape of the number starting at `start`, if it has one; returns where its run of digits and separators ends. */
function numberFeatures(masked: string, start: number, sink: FeatureSink): number {
  const length = masked.length;
  // A number written in groups ("0800 123 4567", "1,000.00") is one number.
  let i = start;
  let digits = 0;
  let end = i;
  while (i < length) {
    const c = masked.charCodeAt(i);
    if (isDigit(c)) {
      digits++;
      end = ++i;
    } else if ((c === 0x20 || c === 0x2d || c === 0x2e || c === 0x2c) && isDigit(masked.charCodeAt(i + 1))) i++;
    else break;
  }
  // A number inside a word ("2nite", "b4") or a short one (a price, a date) has no shape of its own.
  if (digits < 4 || isDigitOrLetter(masked.charCodeAt(start - 1)) || isLetter(masked.charCodeAt(end))) return i;
  const shape = digits <= 6 ? F.numShort : digits <= 9 ? F.numMid : digits <= 13 ? F.numPhone : F.numLong;
  add(sink, shape, start, end);
  // A phone number's first two digits tell its kind in its country: premium rate, free, mobile.
  if (digits >= 7) {
    const hash = hashMore(NUMBER_START, masked, start, start + 2) >>> 0;
    sink.add(hash, 1, start, end);
    sink.named?.(hash, `num=${masked.slice(start, start + 2)}`);
  }
  if (masked.charCodeAt(start - 1) === 0x2b /* + */) add(sink, F.numIntl, start - 1, end);
  return i;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isLetter(code: number): boolean {
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
}

function isDigitOrLetter(code: number): boolean {
  return isDigit(code) || isLetter(code);
}

const TLD = hashMore(hashStart, 'tld=');
const NUMBER_START = hashMore(hashStart, 'num=');

/** How each link is written and where it goes: a shortener, a top-level domain, digits or hyphens in the host. */
function linkFeatures(masked: string, sink: FeatureSink): void {
  forEachLink(masked, ({ start, end, url, host, rest }) => {
    if (host === undefined) return add(sink, F.partPlaceholder, start, end);
    // The template's own link, filled in at sending: nothing to read in its shape.
    if (host === '') return add(sink, F.placeholderLink, start, end);
    add(sink, F.link, start, end);
    const scheme = url.length === rest.length ? (/^www\./i.test(url) ? F.www : F.bare) : /^https/i.test(url) ? F.https : F.http;
    add(sink, scheme, start, end);
    if (isShortener(host)) add(sink, F.shortener, start, end);
    if (rest.length > host.length + 1) add(sink, F.path, start, end);
    const labels = host.split('.');
    const tld = labels[labels.length - 1];
    const hash = hashMore(TLD, tld) >>> 0;
    sink.add(hash, 1, start, end);
    sink.named?.(hash, `tld=${tld}`);
    if (/\d/.test(host)) add(sink, F.hostDigits, start, end);
    if (host.includes('-')) add(sink, F.hostHyphen, start, end);
    if (labels.length - (labels[0] === 'www' ? 1 : 0) > 2) add(sink, F.subdomain, start, end);
  });
}
