import type { TextAnalysis } from '../text';
import type { RuleContext } from '../types';
import { CTA_PHRASE_KINDS, bisect, indexText, lexiconFor, scanList, type CtaPhraseKind, type Lexicon, type PhraseList, type TextIndex } from './lexicon';
import { segment, type Sentence, type Span } from './segments';
import { overlaps, wordAfter, wordAt, wordBefore, within } from './words';

export type { Span } from './segments';

/** How a call to action asks: an order (imperative, polite formula, obligation, request) or not. */
export type CtaKind = 'imperative' | CtaPhraseKind;

/** A call to action: from the words that ask to the end of their clause. */
export interface Cta extends Span {
  kind: CtaKind;
  /** Asked only in some case: "if", "si", "en cas de", "should you", a question before it. */
  conditional: boolean;
  /** Left to the recipient: "you can", "vous pouvez", "if you wish". */
  optional: boolean;
}

export type TriggerKind = 'obligation' | 'pressure' | 'alarm' | 'shouting' | 'exclamations';

/** Words that make the tone directive, other than bare orders. */
export interface Trigger extends Span {
  kind: TriggerKind;
}

/** What the three core checks read about one template: computed once per lint. */
export interface Discourse {
  ctas: readonly Cta[];
  /** The first unconditional order, else the first CTA. */
  mainCta: Cta | undefined;
  /** Where a reason for the request is given, if it is (only looked for when there is a CTA). */
  rationale: Span | undefined;
  /** Where the message says what happens next, if it does (only looked for when there is a CTA). */
  consequence: Span | undefined;
  triggers: readonly Trigger[];
  /** Orders that are unconditional, not optional, in a message that gives no reason. */
  bareOrders: readonly Cta[];
}

/**
 * The last analysis, by the TextAnalysis it was made from: the engine makes one TextAnalysis
 * per lint and runs the three rules one after the other, so one slot is a per-lint cache
 * (cheaper than a WeakMap entry per template at 100,000 templates a second).
 */
let last: { text: TextAnalysis; discourse: Discourse } | undefined;

/** The discourse analysis of the template being linted, shared by the three core rules. */
export function discourseOf(context: RuleContext): Discourse {
  if (last?.text !== context.text) last = { text: context.text, discourse: analyse(context) };
  return last.discourse;
}

interface Reading {
  /** The masked body: placeholders are U+E000 runs. */
  text: string;
  /** Its words, lower-cased text and capitals. */
  index: TextIndex;
  lexicon: Lexicon;
  sentences: Sentence[];
  /** The whole text, as a span. */
  all: Span;
  /** Help offers and opt-outs (never a CTA, never a reason): found on first need. */
  excluded?: Span[];
}

function analyse(context: RuleContext): Discourse {
  const text = context.text.masked;
  const lexicon = lexiconFor(context.locale);
  const reading: Reading = { text, index: indexText(text, lexicon), lexicon, sentences: segment(text), all: { start: 0, end: text.length } };
  const phrases = ctaPhrases(reading);
  const ctas = findCtas(reading, phrases);
  const mainCta = ctas.find((cta) => isOrder(cta)) ?? ctas[0];
  const rationale = ctas.length > 0 ? findRationale(reading, context.category === 'promotional') : undefined;
  const consequence = ctas.length > 0 ? findConsequence(reading, ctas) : undefined;
  const triggers = findTriggers(reading, context, phrases, ctas);
  return {
    ctas,
    mainCta,
    rationale,
    consequence,
    triggers,
    bareOrders: rationale ? [] : ctas.filter(isOrder),
  };
}

function isOrder(cta: Cta): boolean {
  return cta.kind !== 'question' && !cta.conditional && !cta.optional;
}


function scan(reading: Reading, list: PhraseList, span: Span, visit: (start: number, end: number) => boolean): Span | undefined {
  return scanList(list, reading.index, span.start, span.end, visit);
}

/** The first match of `list` outside help offers and opt-outs. */
function firstMatch(reading: Reading, list: PhraseList): Span | undefined {
  return scan(reading, list, reading.all, (start, end) => !isExcluded(reading, { start, end }));
}

function hasMatch(reading: Reading, list: PhraseList, span: Span): boolean {
  return scan(reading, list, span, (_start, end) => end <= span.end) !== undefined;
}

function isExcluded(reading: Reading, span: Span): boolean {
  reading.excluded ??= mergeSpans(excludedSpans(reading));
  const { excluded } = reading;
  // Disjoint and in order: only the last span starting before `span` ends can overlap it.
  const after = bisect(excluded.length, (k) => excluded[k].start < span.end);
  return after > 0 && overlaps(excluded[after - 1], span);
}

/** The union of `spans` as disjoint spans in order. */
function mergeSpans(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ start: span.start, end: span.end });
  }
  return merged;
}

/** Tests a sticky RegExp of the lexicon at one position of the lower-cased text. */
function testAt(reading: Reading, pattern: RegExp, position: number): boolean {
  pattern.lastIndex = position;
  return pattern.test(reading.index.lower);
}

/** The index of the sentence that holds `position` (the first that ends after it), by bisection. */
function sentenceOf(sentences: readonly Sentence[], position: number): number {
  const index = bisect(sentences.length, (k) => sentences[k].end <= position);
  return index < sentences.length ? index : -1;
}

/**
 * Help offers ("Questions? Call 3970", "Pour toute question : 3970") cover their sentence,
 * and the next one when they end with `?` or `:`; opt-outs cover their clause.
 */
function excludedSpans(reading: Reading): Span[] {
  const { text, lexicon, sentences } = reading;
  const excluded: Span[] = [];
  scan(reading, lexicon.helpOffer, reading.all, (start) => {
    const index = sentenceOf(sentences, start);
    const sentence = sentences[index];
    const following = sentences[index + 1];
    const offersAhead = following !== undefined && /[?:]/.test(sentence.terminator);
    excluded.push({ start: sentence.start, end: offersAhead ? following.end : sentence.end });
    return false;
  });
  lexicon.optOut.lastIndex = 0;
  for (let match = lexicon.optOut.exec(text); match !== null; match = lexicon.optOut.exec(text)) {
    const optOut = { start: match.index, end: match.index + match[0].length };
    if (optOut.end === optOut.start) lexicon.optOut.lastIndex++;
    for (let index = Math.max(0, sentenceOf(sentences, optOut.start)); index < sentences.length && sentences[index].start < optOut.end; index++) {
      for (const clause of sentences[index].clauses) if (overlaps(clause, optOut)) excluded.push(clause);
    }
  }
  return excluded;
}

interface Phrase extends Span {
  kind: CtaPhraseKind;
}

/** Every formula, request, obligation, polite question and "you can" in the text, in order. */
function ctaPhrases({ index, lexicon }: Reading): Phrase[] {
  const phrases: Phrase[] = [];
  const { starts, masks, lower } = index;
  for (let k = 0; k < starts.length && index.anyMask !== 0; k++) {
    if (masks[k] === 0) continue;
    for (const kind of CTA_PHRASE_KINDS) {
      const { bit, at } = lexicon.cta[kind];
      if ((masks[k] & bit) === 0) continue;
      at.lastIndex = starts[k];
      if (at.test(lower)) {
        phrases.push({ kind, start: starts[k], end: at.lastIndex });
        break;
      }
    }
  }
  return phrases;
}

/** True when the words after `from` name an action: "please call", "merci de nous contacter". */
function actionFollows(reading: Reading, from: number, limit: number, strict: boolean): boolean {
  const { lexicon } = reading;
  const word = wordAfter(reading.index.lower, from, lexicon.objectWords, limit);
  if (!word || testAt(reading, lexicon.notAction, word.start) || lexicon.determiners.has(word.lower)) return false;
  return !strict || lexicon.actionVerbs.has(word.lower) || testAt(reading, lexicon.actionForm, word.start);
}

function isNegatedAt(reading: Reading, position: number): boolean {
  return reading.lexicon.negations.has(wordBefore(reading.index.lower, position));
}

/** An obligation addressed to the recipient: not "we must", not "if you need to", not "must not". */
function isObligation(reading: Reading, phrase: Span): boolean {
  const before = wordBefore(reading.index.lower, phrase.start);
  if (reading.lexicon.obligationNotAfter.has(before) || reading.lexicon.negations.has(before)) return false;
  const after = wordAt(reading.index.lower, phrase.end);
  return !(after && reading.lexicon.negations.has(after.lower));
}

function phraseAsksAction(reading: Reading, phrase: Phrase, sentence: Sentence, clauseEnd: number): boolean {
  switch (phrase.kind) {
    case 'polite': {
      // "Please could you call us?" is a polite question, found at "could".
      const next = wordAt(reading.index.lower, phrase.end, clauseEnd);
      if (next && sentence.terminator.includes('?') && testAt(reading, reading.lexicon.cta.question.at, next.start)) return false;
      return actionFollows(reading, phrase.end, clauseEnd, false);
    }
    case 'request':
      return actionFollows(reading, phrase.end, clauseEnd, false);
    case 'obligation':
      return isObligation(reading, phrase);
    case 'question':
      return sentence.terminator.includes('?') && actionFollows(reading, phrase.end, clauseEnd, true);
    case 'invitation': {
      // "you can cancel anytime" states a right; "vous pouvez ignorer ce message" asks nothing.
      const word = wordAfter(reading.index.lower, phrase.end, reading.lexicon.objectWords, clauseEnd);
      if (!word || reading.lexicon.rights.has(word.lower) || hasMatch(reading, reading.lexicon.rightsMarker, sentence)) return false;
      return actionFollows(reading, phrase.end, clauseEnd, true);
    }
  }
}

/** The index of the word that starts at `position`, or -1 (words are in order). */
function wordIndexAt({ index }: Reading, position: number): number {
  const k = bisect(index.starts.length, (j) => index.starts[j] < position);
  return index.starts[k] === position ? k : -1;
}

/** An imperative at the start of a clause: "Call 3970", "Contactez-nous", "and then reply". */
function imperativeAt(reading: Reading, clause: Span): number | undefined {
  const { lexicon, text, index } = reading;
  let k = wordIndexAt(reading, clause.start);
  if (k < 0) return undefined;
  let word = index.lower.slice(index.starts[k], index.ends[k]);
  if (lexicon.clauseOpeners.has(word) && k + 1 < index.starts.length && index.starts[k + 1] < clause.end) {
    k++;
    word = index.lower.slice(index.starts[k], index.ends[k]);
  }
  const start = index.starts[k];
  let end: number | undefined;
  if (lexicon.actionVerbs.has(word)) end = index.ends[k];
  else if (testAt(reading, lexicon.imperativeForm, start)) end = lexicon.imperativeForm.lastIndex;
  if (end === undefined || testAt(reading, lexicon.notImperative, start)) return undefined;
  // "Update: ...", "Check-in opens..." are headings and nouns, not orders.
  const next = text.charCodeAt(end);
  return next === 0x3a || next === 0x2d ? undefined : start;
}

function findCtas(reading: Reading, phrases: readonly Phrase[]): Cta[] {
  const ctas: Cta[] = [];
  reading.sentences.forEach((sentence, index) => {
    for (const clause of sentence.clauses) {
      const imperative = imperativeAt(reading, clause);
      const phrase = imperative === undefined ? askingPhraseIn(reading, phrases, sentence, clause) : undefined;
      const start = imperative ?? phrase?.start;
      if (start === undefined || isExcluded(reading, clause)) continue;
      const kind: CtaKind = phrase?.kind ?? 'imperative';
      ctas.push({
        start,
        end: clause.end,
        kind,
        conditional: isConditional(reading, index, start),
        optional: kind === 'invitation' || hasMatch(reading, reading.lexicon.optionalMarker, sentence),
      });
    }
  });
  return ctas;
}

/** The first phrase within `clause` that asks for an action (phrases are in order: bisection to the clause). */
function askingPhraseIn(reading: Reading, phrases: readonly Phrase[], sentence: Sentence, clause: Span): Phrase | undefined {
  for (let k = bisect(phrases.length, (j) => phrases[j].start < clause.start); k < phrases.length && phrases[k].start < clause.end; k++) {
    if (within(phrases[k], clause) && phraseAsksAction(reading, phrases[k], sentence, clause.end)) return phrases[k];
  }
  return undefined;
}

/**
 * Conditional when its sentence says "if"/"si"/"en cas de" (before the request, or after it
 * unless it is an "otherwise" that tells the outcome), or when a question sets the case
 * ("Not you? Call us").
 */
function isConditional(reading: Reading, sentenceIndex: number, ctaStart: number): boolean {
  const { lexicon, sentences } = reading;
  const sentence = sentences[sentenceIndex];
  const condition = scan(
    reading,
    lexicon.conditional,
    sentence,
    (start) => start < ctaStart || !testAt(reading, lexicon.consequenceAfterCta.at, start),
  );
  if (condition) return true;
  const previous = sentences[sentenceIndex - 1];
  return previous !== undefined && previous.terminator.includes('?');
}

function findRationale(reading: Reading, promotional: boolean): Span | undefined {
  const { lexicon } = reading;
  return (
    firstMatch(reading, lexicon.rationale) ??
    firstMatch(reading, lexicon.avoidance) ??
    (promotional ? firstMatch(reading, lexicon.offer) : undefined) ??
    findPurpose(reading)
  );
}

/** "to set up a payment plan", "pour faire opposition": a purpose, unless it only names a topic. */
function findPurpose(reading: Reading): Span | undefined {
  const { text, lexicon } = reading;
  const lower = reading.index.lower;
  return scan(reading, lexicon.purposeMarker, reading.all, (start, end) => {
    if (isExcluded(reading, { start, end }) || lexicon.notBeforePurpose.has(wordBefore(lower, start))) return false;
    if (testAt(reading, lexicon.topicPurpose, wordAt(lower, end)?.start ?? end)) return false;
    const verb = wordAfter(lower, end, lexicon.purposeSkips);
    // A capital after "to" is a place or a brand ("flights to Lisbon"), not a verb.
    if (!verb || lexicon.determiners.has(verb.lower) || text[verb.start] !== lower[verb.start]) return false;
    return !testAt(reading, lexicon.topicPurpose, verb.start) && testAt(reading, lexicon.purposeVerb, verb.start);
  });
}

/**
 * What happens next: an outcome, a threat, a no-action case, an avoidance; "otherwise"/"sinon"
 * only once something was asked (a first "Sinon, appelez" sets a case, it tells no outcome).
 */
function findConsequence(reading: Reading, ctas: readonly Cta[]): Span | undefined {
  const { lexicon, sentences } = reading;
  const stated = firstMatch(reading, lexicon.consequence) ?? firstMatch(reading, lexicon.avoidance);
  if (stated) return stated;
  const afterRequest = scan(reading, lexicon.consequenceAfterCta, reading.all, (start) => ctas[0].start < start);
  if (afterRequest) return afterRequest;
  for (const sentence of sentences) {
    for (const clause of sentence.clauses) {
      if (testAt(reading, lexicon.consequenceAtClauseStart, clause.start)) {
        return { start: clause.start, end: lexicon.consequenceAtClauseStart.lastIndex };
      }
    }
  }
  return undefined;
}

function findTriggers(reading: Reading, context: RuleContext, phrases: readonly Phrase[], ctas: readonly Cta[]): Trigger[] {
  const { text, lexicon } = reading;
  const lower = reading.index.lower;
  const triggers: Trigger[] = [];
  // Characters already claimed by a trigger: a span is reported once, by its first kind.
  let claimed: Uint8Array | undefined;
  const add = (kind: TriggerKind, start: number, end: number) => {
    claimed ??= new Uint8Array(text.length);
    for (let i = start; i < end; i++) if (claimed[i]) return;
    claimed.fill(1, start, end);
    triggers.push({ kind, start, end });
  };
  for (const phrase of phrases) if (phrase.kind === 'obligation' && isObligation(reading, phrase)) add('obligation', phrase.start, phrase.end);
  // Urgency counts where it pushes a request: "call now", not "your card is now active".
  for (const cta of ctas) {
    scan(reading, lexicon.pressure, cta, (start, end) => {
      const before = wordBefore(lower, start);
      if (end <= cta.end && !lexicon.negations.has(before) && !lexicon.pressureNotAfter.has(before)) add('pressure', start, end);
      return false;
    });
  }
  scan(reading, lexicon.finality, reading.all, (start, end) => {
    if (!isNegatedAt(reading, start)) add('pressure', start, end);
    return false;
  });
  for (const span of alarmLabels(reading)) add('alarm', span.start, span.end);
  for (const span of shouting(reading, context)) add('shouting', span.start, span.end);
  const exclamations = exclamationSpan(text);
  if (exclamations) triggers.push({ kind: 'exclamations', ...exclamations });
  return triggers.sort((a, b) => a.start - b.start);
}

const HEADER_PUNCTUATION = /^\s*[:!.,\-–—]/u;

/**
 * An alarm label used as a header: at the start of a sentence and followed by punctuation
 * ("URGENT.", "Attention !", "IMPORTANT -"), or closing the opening sentence before `:` or
 * `!` ("Telvo ALERT:", "Orange alerte :").
 */
function alarmLabels(reading: Reading): Span[] {
  const { text, lexicon, sentences } = reading;
  const labels: Span[] = [];
  sentences.forEach((sentence, index) => {
    const label = lexicon.alarmLabel.at;
    if (testAt(reading, label, sentence.start)) {
      const end = label.lastIndex;
      if (end === sentence.end || HEADER_PUNCTUATION.test(text.slice(end, end + 3))) {
        labels.push({ start: sentence.start, end });
        return;
      }
    }
    if (index === 0 && /[:!]/.test(sentence.terminator)) {
      const closing = scan(reading, lexicon.alarmLabel, sentence, (start, end) => end === sentence.end && !isNegatedAt(reading, start));
      if (closing) labels.push(closing);
    }
  });
  return labels;
}

const NOT_A_LETTER = /[^\p{L}]+/u;

/** Words of four or more capitals that are not an acronym, a brand or an opt-out keyword. */
function shouting(reading: Reading, context: RuleContext): Span[] {
  const words: Span[] = [];
  let brand: Set<string> | undefined;
  for (const capitals of reading.index.capitals) {
    const word = reading.text.slice(capitals.start, capitals.end);
    if (reading.lexicon.allowedCapitals.has(word) || context.config.allowedCapitals.has(word)) continue;
    brand ??= new Set((context.template.sender ?? '').toUpperCase().split(NOT_A_LETTER));
    if (!brand.has(word)) words.push(capitals);
  }
  return words;
}

/** Two or more exclamation marks anywhere: the span from the first to the last. */
function exclamationSpan(text: string): Span | undefined {
  const first = text.indexOf('!');
  if (first < 0) return undefined;
  const last = text.lastIndexOf('!');
  return last > first ? { start: first, end: last + 1 } : undefined;
}

/** The count of exclamation marks in a span, for the message. */
export function countExclamations(text: string, span: Span): number {
  let count = 0;
  for (let i = span.start; i < span.end; i++) if (text.charCodeAt(i) === 0x21) count++;
  return count;
}
