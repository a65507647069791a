import type { TextAnalysis } from '../text';
import type { RuleContext } from '../types';
import { CTA_PHRASE_KINDS, lexiconFor, type CtaPhraseKind, type Lexicon } from './lexicon';
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

const discourses = new WeakMap<TextAnalysis, Discourse>();

/** The discourse analysis of the template being linted, shared by the three core rules. */
export function discourseOf(context: RuleContext): Discourse {
  let discourse = discourses.get(context.text);
  if (!discourse) {
    discourse = analyse(context);
    discourses.set(context.text, discourse);
  }
  return discourse;
}

interface Reading {
  text: string;
  lexicon: Lexicon;
  sentences: Sentence[];
  /** Help offers and opt-outs: never a CTA, never a reason. */
  excluded: Span[];
}

function analyse(context: RuleContext): Discourse {
  const text = context.text.masked;
  const lexicon = lexiconFor(context.locale);
  const sentences = segment(text);
  const reading: Reading = { text, lexicon, sentences, excluded: excludedSpans(text, lexicon, sentences) };
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

function* matches(pattern: RegExp, text: string, from = 0, to = text.length): Generator<RegExpExecArray> {
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match && match.index < to; match = pattern.exec(text)) yield match;
}

function firstMatch(pattern: RegExp, reading: Reading): Span | undefined {
  for (const match of matches(pattern, reading.text)) {
    const span = { start: match.index, end: match.index + match[0].length };
    if (!reading.excluded.some((excluded) => overlaps(excluded, span))) return span;
  }
  return undefined;
}

function testAt(pattern: RegExp, text: string, index: number): RegExpExecArray | null {
  pattern.lastIndex = index;
  return pattern.exec(text);
}

function sentenceOf(sentences: readonly Sentence[], index: number): number {
  return sentences.findIndex((sentence) => index < sentence.end);
}

/**
 * Help offers ("Questions? Call 3970", "Pour toute question : 3970") cover their sentence,
 * and the next one when they end with `?` or `:`; opt-outs cover their clause.
 */
function excludedSpans(text: string, lexicon: Lexicon, sentences: readonly Sentence[]): Span[] {
  const excluded: Span[] = [];
  for (const match of matches(lexicon.helpOffer, text)) {
    const index = sentenceOf(sentences, match.index);
    if (index < 0) continue;
    const sentence = sentences[index];
    const following = sentences[index + 1];
    const offersAhead = following && /[?:]/.test(sentence.terminator);
    excluded.push({ start: sentence.start, end: offersAhead ? following.end : sentence.end });
  }
  for (const match of matches(lexicon.optOut, text)) {
    const span = { start: match.index, end: match.index + match[0].length };
    for (const sentence of sentences) {
      for (const clause of sentence.clauses) if (overlaps(clause, span)) excluded.push(clause);
    }
  }
  return excluded;
}

interface Phrase extends Span {
  kind: CtaPhraseKind;
}

/** Every formula, request, obligation, polite question and "you can" in the text, in order. */
function ctaPhrases({ text, lexicon }: Reading): Phrase[] {
  const phrases: Phrase[] = [];
  for (const match of matches(lexicon.ctaPhrase, text)) {
    const kind = CTA_PHRASE_KINDS.find((name) => match.groups?.[name] !== undefined)!;
    phrases.push({ kind, start: match.index, end: match.index + match[0].length });
  }
  return phrases;
}

/** True when the words after `from` name an action: "please call", "merci de nous contacter". */
function actionFollows({ text, lexicon }: Reading, from: number, limit: number, strict: boolean): boolean {
  const word = wordAfter(text, from, lexicon.objectWords, limit);
  if (!word || testAt(lexicon.notAction, text, word.start) || lexicon.determiners.has(word.lower)) return false;
  if (!strict) return true;
  return lexicon.actionVerbs.has(word.lower) || testAt(lexicon.actionForm, text, word.start) !== null;
}

function isNegatedAt(reading: Reading, index: number): boolean {
  return reading.lexicon.negations.has(wordBefore(reading.text, index));
}

/** An obligation addressed to the recipient: not "we must", not "if you need to", not "must not". */
function isObligation(reading: Reading, phrase: Span): boolean {
  const before = wordBefore(reading.text, phrase.start);
  if (reading.lexicon.obligationNotAfter.has(before) || reading.lexicon.negations.has(before)) return false;
  const after = wordAt(reading.text, phrase.end);
  return !(after && reading.lexicon.negations.has(after.lower));
}

function phraseAsksAction(reading: Reading, phrase: Phrase, sentence: Sentence, clauseEnd: number): boolean {
  switch (phrase.kind) {
    case 'polite':
      return actionFollows(reading, phrase.end, clauseEnd, false);
    case 'request':
      return true;
    case 'obligation':
      return isObligation(reading, phrase);
    case 'question':
      return sentence.terminator.includes('?') && actionFollows(reading, phrase.end, clauseEnd, true);
    case 'invitation': {
      // "you can cancel anytime" states a right; "vous pouvez ignorer ce message" asks nothing.
      const word = wordAfter(reading.text, phrase.end, reading.lexicon.objectWords, clauseEnd);
      if (!word || reading.lexicon.rights.has(word.lower)) return false;
      for (const _ of matches(reading.lexicon.rightsMarker, reading.text, sentence.start, sentence.end)) return false;
      return actionFollows(reading, phrase.end, clauseEnd, true);
    }
  }
}

/** An imperative at the start of a clause: "Call 3970", "Contactez-nous", "and then reply". */
function imperativeAt({ text, lexicon }: Reading, clause: Span): number | undefined {
  let start = clause.start;
  if (testAt(lexicon.clauseOpener, text, start)) start = lexicon.clauseOpener.lastIndex;
  if (testAt(lexicon.notImperative, text, start)) return undefined;
  let end: number | undefined;
  if (testAt(lexicon.imperativeForm, text, start)) end = lexicon.imperativeForm.lastIndex;
  else {
    const word = wordAt(text, start, clause.end);
    if (word && word.start === start && lexicon.actionVerbs.has(word.lower)) end = word.end;
  }
  if (end === undefined) return undefined;
  // "Update: ...", "Check-in opens..." are headings and nouns, not orders.
  const next = text.charCodeAt(end);
  return next === 0x3a || next === 0x2d ? undefined : start;
}

function findCtas(reading: Reading, phrases: readonly Phrase[]): Cta[] {
  const ctas: Cta[] = [];
  reading.sentences.forEach((sentence, index) => {
    for (const clause of sentence.clauses) {
      if (reading.excluded.some((excluded) => overlaps(excluded, clause))) continue;
      const imperative = imperativeAt(reading, clause);
      const phrase =
        imperative === undefined
          ? phrases.find((candidate) => within(candidate, clause) && phraseAsksAction(reading, candidate, sentence, clause.end))
          : undefined;
      const start = imperative ?? phrase?.start;
      if (start === undefined) continue;
      const kind: CtaKind = phrase?.kind ?? 'imperative';
      ctas.push({
        start,
        end: clause.end,
        kind,
        conditional: isConditional(reading, index, start),
        optional: kind === 'invitation' || hasMatch(reading.lexicon.optionalMarker, reading.text, sentence),
      });
    }
  });
  return ctas;
}

function hasMatch(pattern: RegExp, text: string, span: Span): boolean {
  for (const match of matches(pattern, text, span.start, span.end)) if (match.index + match[0].length <= span.end) return true;
  return false;
}

/**
 * Conditional when its sentence says "if"/"si"/"en cas de" (before the request, or after it
 * unless it is an "otherwise" that tells the outcome), or when a question sets the case
 * ("Not you? Call us").
 */
function isConditional(reading: Reading, sentenceIndex: number, ctaStart: number): boolean {
  const { text, lexicon, sentences } = reading;
  const sentence = sentences[sentenceIndex];
  for (const match of matches(lexicon.conditional, text, sentence.start, sentence.end)) {
    if (match.index < ctaStart || !testAt(lexicon.consequenceAfterCtaAt, text, match.index)) return true;
  }
  const previous = sentences[sentenceIndex - 1];
  return previous !== undefined && previous.terminator.includes('?');
}

function findRationale(reading: Reading, promotional: boolean): Span | undefined {
  const direct = firstMatch(promotional ? reading.lexicon.promotionalRationale : reading.lexicon.rationale, reading);
  return direct ?? findPurpose(reading);
}

/** "to set up a payment plan", "pour faire opposition": a purpose, unless it only names a topic. */
function findPurpose(reading: Reading): Span | undefined {
  const { text, lexicon } = reading;
  for (const match of matches(lexicon.purposeMarker, text)) {
    const marker = { start: match.index, end: match.index + match[0].length };
    if (reading.excluded.some((excluded) => overlaps(excluded, marker))) continue;
    if (lexicon.notBeforePurpose.has(wordBefore(text, marker.start))) continue;
    if (testAt(lexicon.topicPurpose, text, wordAt(text, marker.end)?.start ?? marker.end)) continue;
    const verb = wordAfter(text, marker.end, lexicon.purposeSkips);
    if (!verb || lexicon.determiners.has(verb.lower) || text[verb.start] !== verb.lower[0]) continue;
    if (testAt(lexicon.topicPurpose, text, verb.start) || !testAt(lexicon.purposeVerb, text, verb.start)) continue;
    return { start: marker.start, end: lexicon.purposeVerb.lastIndex };
  }
  return undefined;
}

/**
 * What happens next: an outcome, a threat, a no-action case, an avoidance; "otherwise"/"sinon"
 * only once something was asked (a first "Sinon, appelez" sets a case, it tells no outcome).
 */
function findConsequence(reading: Reading, ctas: readonly Cta[]): Span | undefined {
  const { text, lexicon, sentences } = reading;
  const stated = firstMatch(lexicon.consequence, reading);
  if (stated) return stated;
  for (const match of matches(lexicon.consequenceAfterCta, text)) {
    if (ctas.some((cta) => cta.start < match.index)) return { start: match.index, end: match.index + match[0].length };
  }
  for (const sentence of sentences) {
    for (const clause of sentence.clauses) {
      if (testAt(lexicon.consequenceAtClauseStart, text, clause.start)) {
        return { start: clause.start, end: lexicon.consequenceAtClauseStart.lastIndex };
      }
    }
  }
  return undefined;
}

function findTriggers(reading: Reading, context: RuleContext, phrases: readonly Phrase[], ctas: readonly Cta[]): Trigger[] {
  const { text, lexicon } = reading;
  const triggers: Trigger[] = [];
  for (const phrase of phrases) {
    if (phrase.kind === 'obligation' && isObligation(reading, phrase)) triggers.push({ kind: 'obligation', start: phrase.start, end: phrase.end });
  }
  // Urgency counts where it pushes a request: "call now", not "your card is now active".
  for (const cta of ctas) {
    for (const match of matches(lexicon.pressure, text, cta.start, cta.end)) {
      const span = { start: match.index, end: match.index + match[0].length };
      if (span.end > cta.end || isNegatedAt(reading, span.start)) continue;
      if (lexicon.pressureNotAfter.has(wordBefore(text, span.start))) continue;
      if (!triggers.some((trigger) => overlaps(trigger, span))) triggers.push({ kind: 'pressure', ...span });
    }
  }
  for (const match of matches(lexicon.finality, text)) {
    const span = { start: match.index, end: match.index + match[0].length };
    if (!isNegatedAt(reading, span.start) && !triggers.some((trigger) => overlaps(trigger, span))) triggers.push({ kind: 'pressure', ...span });
  }
  for (const span of alarmLabels(reading)) {
    if (!triggers.some((trigger) => overlaps(trigger, span))) triggers.push({ kind: 'alarm', ...span });
  }
  for (const span of shouting(text, lexicon, context)) {
    if (!triggers.some((trigger) => overlaps(trigger, span))) triggers.push({ kind: 'shouting', ...span });
  }
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
function alarmLabels({ text, lexicon, sentences }: Reading): Span[] {
  const labels: Span[] = [];
  sentences.forEach((sentence, index) => {
    const atStart = testAt(lexicon.alarmLabelAtStart, text, sentence.start);
    if (atStart) {
      const end = lexicon.alarmLabelAtStart.lastIndex;
      if (end === sentence.end || HEADER_PUNCTUATION.test(text.slice(end, end + 3))) {
        labels.push({ start: sentence.start, end });
        return;
      }
    }
    if (index === 0 && /[:!]/.test(sentence.terminator)) {
      for (const match of matches(lexicon.alarmLabel, text, sentence.start, sentence.end)) {
        if (match.index + match[0].length === sentence.end) labels.push({ start: match.index, end: sentence.end });
      }
    }
  });
  return labels;
}

const CAPITALS = /(?<![\p{L}\p{N}\/.@_=&#-])\p{Lu}{4,}(?![\p{L}\p{N}\/@_])/gu;
const NOT_A_LETTER = /[^\p{L}]+/u;

/** Words of four or more capitals that are not an acronym, a brand or an opt-out keyword. */
function shouting(text: string, lexicon: Lexicon, context: RuleContext): Span[] {
  const words: Span[] = [];
  let brand: Set<string> | undefined;
  for (const match of matches(CAPITALS, text)) {
    const word = match[0];
    if (lexicon.allowedCapitals.has(word) || context.config.allowedCapitals.has(word)) continue;
    brand ??= new Set((context.template.sender ?? '').toUpperCase().split(NOT_A_LETTER));
    if (!brand.has(word)) words.push({ start: match.index, end: match.index + word.length });
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
