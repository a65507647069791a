import type { LocaleData } from '../locales';

/** The words of `locales/<lang>/core.json`, as written there. */
export type CoreWords = LocaleData['core']['words'];

/**
 * One language's words of the core checks, compiled once: word lists become Sets (for
 * looking up one word) and phrase lists become one RegExp each (one pass over the text
 * instead of a loop of small RegExps).
 */
export interface Lexicon {
  actionVerbs: ReadonlySet<string>;
  objectWords: ReadonlySet<string>;
  obligationNotAfter: ReadonlySet<string>;
  negations: ReadonlySet<string>;
  pressureNotAfter: ReadonlySet<string>;
  rights: ReadonlySet<string>;
  notBeforePurpose: ReadonlySet<string>;
  purposeSkips: ReadonlySet<string>;
  determiners: ReadonlySet<string>;
  /** Upper-cased words that may be written in capitals: acronyms and opt-out keywords. */
  allowedCapitals: ReadonlySet<string>;

  /** Sticky: tested at one position (a clause start, the word after a formula). */
  clauseOpener: RegExp;
  notImperative: RegExp;
  imperativeForm: RegExp;
  actionForm: RegExp;
  notAction: RegExp;
  topicPurpose: RegExp;
  purposeVerb: RegExp;
  alarmLabelAtStart: RegExp;
  consequenceAfterCtaAt: RegExp;
  consequenceAtClauseStart: RegExp;

  /** Global: scanned over the text or a span of it. */
  ctaPhrase: RegExp;
  conditional: RegExp;
  optionalMarker: RegExp;
  rightsMarker: RegExp;
  pressure: RegExp;
  finality: RegExp;
  alarmLabel: RegExp;
  helpOffer: RegExp;
  optOut: RegExp;
  purposeMarker: RegExp;
  /** Causes, problems and events, avoidance: a rationale wherever it stands. */
  rationale: RegExp;
  /** The same plus offers with their benefit, for promotional messages. */
  promotionalRationale: RegExp;
  avoidance: RegExp;
  consequence: RegExp;
  consequenceAfterCta: RegExp;
}

/** Group names of `ctaPhrase`, one per way of asking. */
export const CTA_PHRASE_KINDS = ['polite', 'request', 'obligation', 'question', 'invitation'] as const;
export type CtaPhraseKind = (typeof CTA_PHRASE_KINDS)[number];

const WORD_START = '(?<![\\p{L}\\p{N}])';
const WORD_END = '(?![\\p{L}\\p{N}])';

/**
 * Turns one data phrase into RegExp source: a space matches any run of spaces (non-breaking
 * ones too, before French `:` and `?`), an apostrophe matches ' and ’, and a `*` right after
 * a letter lets the word go on (`expir*`: expired, expiring).
 */
export function phraseSource(phrase: string): string {
  return phrase
    .replace(/ /g, '\\s+')
    .replace(/['’]/g, "['’]")
    .replace(/(?<=\p{L})\*(?=$|[\s|)])/gu, '\\p{L}*');
}

function alternation(phrases: readonly string[]): string {
  // Longest first, so that a phrase wins over the shorter phrase it starts with.
  return [...phrases].sort((a, b) => b.length - a.length).map(phraseSource).join('|');
}

function anywhere(phrases: readonly string[]): RegExp {
  return new RegExp(`${WORD_START}(?:${alternation(phrases)})${WORD_END}`, 'giu');
}

function sticky(phrases: readonly string[]): RegExp {
  return new RegExp(`(?:${alternation(phrases)})${WORD_END}`, 'iuy');
}

function lowerSet(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.map((word) => word.toLowerCase()));
}

function compile(locale: LocaleData): Lexicon {
  const words = locale.core.words;
  const ctaGroups: Record<CtaPhraseKind, readonly string[]> = {
    polite: words.politeFormulas,
    request: words.requests,
    obligation: words.obligations,
    question: words.politeQuestions,
    invitation: words.optionals,
  };
  const rationalePhrases = [...words.causes, ...words.events, ...words.avoidance];
  return {
    actionVerbs: lowerSet(words.actionVerbs),
    objectWords: lowerSet(words.objectWords),
    obligationNotAfter: lowerSet(words.obligationNotAfter),
    negations: lowerSet(words.negations),
    pressureNotAfter: lowerSet(words.pressureNotAfter),
    rights: lowerSet(words.rights),
    notBeforePurpose: lowerSet(words.notBeforePurpose),
    purposeSkips: lowerSet(words.purposeSkips),
    determiners: lowerSet(words.determiners),
    allowedCapitals: new Set([...words.acronyms, ...words.optOutKeywords].map((word) => word.toUpperCase())),

    clauseOpener: new RegExp(`(?:${alternation(words.clauseOpeners)})\\s+`, 'iuy'),
    notImperative: sticky(words.notImperatives),
    imperativeForm: sticky(words.imperativeForms),
    actionForm: sticky(words.actionForms),
    notAction: sticky(words.notActions),
    topicPurpose: sticky(words.topicPurposes),
    purposeVerb: sticky(words.purposeVerbs),
    alarmLabelAtStart: sticky(words.alarmLabels),
    consequenceAfterCtaAt: sticky(words.consequenceAfterCta),
    consequenceAtClauseStart: sticky(words.consequencesAtClauseStart),

    ctaPhrase: new RegExp(
      CTA_PHRASE_KINDS.map((kind) => `${WORD_START}(?<${kind}>${alternation(ctaGroups[kind])})${WORD_END}`).join('|'),
      'giu',
    ),
    conditional: anywhere(words.conditionals),
    optionalMarker: anywhere(words.optionalMarkers),
    rightsMarker: anywhere(words.rightsMarkers),
    pressure: anywhere(words.pressure),
    finality: anywhere(words.finality),
    alarmLabel: anywhere(words.alarmLabels),
    helpOffer: anywhere(words.helpOffers),
    // Opt-out patterns belong to the SMS rules' data: read there, never copied.
    optOut: new RegExp(locale.sms.optOut.join('|'), 'giu'),
    purposeMarker: anywhere(words.purposeMarkers),
    rationale: anywhere(rationalePhrases),
    promotionalRationale: anywhere([...rationalePhrases, ...words.offers]),
    avoidance: anywhere(words.avoidance),
    consequence: anywhere([...words.consequences, ...words.avoidance]),
    consequenceAfterCta: anywhere(words.consequenceAfterCta),
  };
}

const lexicons = new WeakMap<LocaleData, Lexicon>();

/** The compiled words of a language, compiled on first use and kept with its data. */
export function lexiconFor(locale: LocaleData): Lexicon {
  let lexicon = lexicons.get(locale);
  if (!lexicon) {
    lexicon = compile(locale);
    lexicons.set(locale, lexicon);
  }
  return lexicon;
}
