import type { RuleContext } from '../types';

/** What the analysis reads of a lint: the template, its text, its language's data and the config. */
export type DiscourseInput = Pick<RuleContext, 'template' | 'text' | 'locale' | 'category' | 'config'>;
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
  /** Taken up only if the recipient wishes ("if you'd like…", "Want to…? You can…"): an offer, not a request, in a transactional message. */
  wish: boolean;
}

const TRIGGER_KINDS = ['obligation', 'pressure', 'alarm', 'shouting', 'exclamations'] as const;
export type TriggerKind = (typeof TRIGGER_KINDS)[number];

/** Words that make the tone directive, other than bare orders. */
export interface Trigger extends Span {
  kind: TriggerKind;
  /** Capitals the dictionary read whole as a word of the language: shouting, whatever the model reads (see `directive-tone`). */
  spelled?: true;
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
  /** The requests: every CTA, but offers at the recipient's wish in a transactional message. */
  requests: readonly Cta[];
  /** Every signal the analysis saw, where it saw it: what the learned decisions read. */
  cues: readonly Cue[];
  /** The words and sentences the analysis read (of the masked text). */
  index: TextIndex;
  sentences: readonly Sentence[];
  /** Whether `span` overlaps what the spec says asks nothing: a help line, an opt-out or opt-in, protective advice. */
  asksNothing(span: Span): boolean;
}

/** A named signal in the text: a phrase of some list, a request of some kind, a trigger. */
export interface Cue extends Span {
  name: string;
}

/** The discourse analysis of a template, shared by the three core rules through `ctx.discourse()`. */
export function discourseOf(context: DiscourseInput): Discourse {
  return analyse(context);
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
  /** What the message says happens if the recipient acts or not ("Sans inscription, vous serez noté absent"): found on first need. */
  outcomes?: Span[];
  /** What a request is about ("about your renewal", "au sujet de votre sinistre"), with the thing it names: found on first need. */
  topics?: Span[];
}

function analyse(context: DiscourseInput): Discourse {
  const text = context.text.masked;
  const lexicon = lexiconFor(context.locale);
  const reading: Reading = { text, index: indexText(text, lexicon), lexicon, sentences: segment(text), all: { start: 0, end: text.length } };
  const phrases = ctaPhrases(reading);
  const ctas = findCtas(reading, phrases);
  // Spec: in a transactional message, an offer the recipient takes up only if they wish is no request.
  const requests = context.category === 'transactional' ? ctas.filter((cta) => !cta.wish) : ctas;
  const mainCta = requests.find((cta) => isOrder(cta)) ?? requests[0];
  const rationale = requests.length > 0 ? findRationale(reading, context.category === 'promotional') : undefined;
  const consequence = requests.length > 0 ? findConsequence(reading, requests) : undefined;
  const triggers = findTriggers(reading, context, phrases, ctas);
  const bareOrders = rationale ? [] : requests.filter(isOrder);
  return {
    ctas,
    requests,
    mainCta,
    rationale,
    consequence,
    triggers,
    bareOrders,
    cues: collectCues(reading, ctas, triggers, { rationale, consequence, bareOrders, requests }),
    index: reading.index,
    sentences: reading.sentences,
    asksNothing: (span) => isExcluded(reading, span),
  };
}

/** The lists whose every match is a cue, by cue name. */
const CUE_LISTS = [
  ['cause', 'cause'],
  ['event', 'event'],
  ['offer', 'offer'],
  ['avoidance', 'avoidance'],
  ['consequence', 'consequence'],
  ['consequenceAfterCta', 'consequenceAfterCta'],
  ['conditional', 'conditional'],
  ['optionalMarker', 'optionalMarker'],
  ['rightsMarker', 'rightsMarker'],
  ['helpOffer', 'helpOffer'],
  ['wishMarker', 'wishMarker'],
  ['protective', 'protective'],
  ['optIn', 'optIn'],
  ['eventCondition', 'eventCondition'],
  ['restatingCondition', 'restatingCondition'],
  ['topic', 'topic'],
  ['figure', 'figure'],
  ['pressure', 'pressure'],
  ['finality', 'finality'],
] as const;

/**
 * Cue names made of two parts, each made once: a lint then makes no new string for a cue, and
 * the models, which look a cue's features up by its name, hash no name twice.
 */
const LIST_CUES = CUE_LISTS.map(([name, key]) => ({ name, key, excluded: `${name}.excluded`, outcome: `${name}.outcome` }));
const CTA_CUES = Object.fromEntries([...CTA_PHRASE_KINDS, 'imperative'].map((kind) => [kind, `cta.${kind}`])) as Record<CtaKind, string>;
const TRIGGER_CUES = Object.fromEntries(TRIGGER_KINDS.map((kind) => [kind, `trigger.${kind}`])) as Record<TriggerKind, string>;

const RATIONALE_CUES = new Set(['cause', 'event', 'offer', 'avoidance', 'purpose', 'eventCondition']);

function collectCues(
  reading: Reading,
  ctas: readonly Cta[],
  triggers: readonly Trigger[],
  decided: { rationale?: Span; consequence?: Span; bareOrders: readonly Cta[]; requests: readonly Cta[] },
): Cue[] {
  const cues: Cue[] = [];
  for (const { name, key, excluded, outcome } of LIST_CUES) {
    scan(reading, reading.lexicon[key], reading.all, (start, end) => {
      let cue: string = name;
      if (isExcluded(reading, { start, end })) cue = excluded;
      else if ((name === 'event' || name === 'cause') && isOutcome(reading, { start, end })) cue = outcome;
      else if (name === 'event' && isTopic(reading, { start, end })) cue = 'event.topic';
      // Spec §1.2: urgency words count where they push a request, not in "available from now".
      else if (name === 'pressure' && !triggers.some((trigger) => trigger.kind === 'pressure' && overlaps(trigger, { start, end }))) cue = 'pressure.outsideRequest';
      cues.push({ name: cue, start, end });
      return false;
    });
  }
  const purpose = findPurpose(reading);
  if (purpose) cues.push({ name: 'purpose', ...purpose });
  for (const cta of ctas) {
    cues.push({ name: CTA_CUES[cta.kind], start: cta.start, end: cta.end });
    if (cta.conditional) cues.push({ name: 'cta.conditional', start: cta.start, end: cta.end });
    if (cta.optional) cues.push({ name: 'cta.optional', start: cta.start, end: cta.end });
    if (isOrder(cta)) cues.push({ name: 'cta.order', start: cta.start, end: cta.end });
    if (cta.wish) {
      cues.push({ name: 'cta.wish', start: cta.start, end: cta.end });
      // A wish that answers something the sender raised ("we'll move it to dormant status… if you'd like to keep it active, log in") is a request the sender initiates.
      if (cues.some((cue) => (cue.name === 'event' || cue.name === 'cause') && cue.start < cta.start)) cues.push({ name: 'cta.wishAfterEvent', start: cta.start, end: cta.end });
    }
  }
  for (const trigger of triggers) cues.push({ name: TRIGGER_CUES[trigger.kind], start: trigger.start, end: trigger.end });
  const all = reading.all;
  if (decided.rationale) cues.push({ name: 'rule.rationale', ...decided.rationale });
  if (decided.consequence) cues.push({ name: 'rule.consequence', ...decided.consequence });
  if (decided.bareOrders.length > 0) cues.push({ name: 'rule.bareOrder', ...decided.bareOrders[0] });
  if (decided.requests.length === 0) cues.push({ name: 'rule.noCta', start: all.start, end: all.start });
  if (decided.bareOrders.length > 0 || triggers.length > 0) cues.push({ name: 'rule.directive', start: all.start, end: all.start });
  const orders = decided.requests.filter(isOrder);
  const reasonless = !cues.some((cue) => RATIONALE_CUES.has(cue.name));
  if (orders.length > 0 && reasonless) cues.push({ name: 'order.noReasonCue', ...orders[0] });
  if (decided.requests.length > 0 && reasonless) cues.push({ name: 'request.noReasonCue', ...decided.requests[0] });
  return cues.sort((a, b) => a.start - b.start);
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

/**
 * The first match of `list` that can be a reason: outside help offers and opt-outs, outside
 * what happens if the recipient acts or not (spec: a threat is a consequence only, it says
 * what happens, not what is wrong), and outside a topic (spec: "about your account" is no
 * reason, nor is "about your renewal": it names what to talk about, not what is wrong).
 */
function firstReason(reading: Reading, list: PhraseList): Span | undefined {
  return scan(reading, list, reading.all, (start, end) => !isExcluded(reading, { start, end }) && !isOutcome(reading, { start, end }) && !isTopic(reading, { start, end }));
}

function isTopic(reading: Reading, span: Span): boolean {
  reading.topics ??= mergeSpans(topicSpans(reading));
  return overlapsAny(reading.topics, span);
}

/**
 * Each topic phrase with the thing it names ("about your home insurance renewal"): to the end
 * of its clause or to a word that starts something else ("un courrier concernant vos droits |
 * vous attend": the letter waiting is an event).
 */
function topicSpans(reading: Reading): Span[] {
  const { lexicon } = reading;
  const lower = reading.index.lower;
  const topics: Span[] = [];
  scan(reading, lexicon.topic, reading.all, (start, end) => {
    const clause = clauseAt(reading, start);
    if (!clause) return false;
    let topicEnd = end;
    for (let word = wordAt(lower, end, clause.end); word && !lexicon.topicEnds.has(word.lower); word = wordAt(lower, word.end, clause.end)) topicEnd = word.end;
    topics.push({ start, end: topicEnd });
    return false;
  });
  return topics;
}

function isOutcome(reading: Reading, span: Span): boolean {
  reading.outcomes ??= mergeSpans(outcomeSpans(reading));
  return overlapsAny(reading.outcomes, span);
}

/**
 * What happens if the recipient acts or not: from a clause that opens on it ("Sans
 * inscription,", "Otherwise,", "Once it reaches us,") or from "sinon", "or your" to the end
 * of the sentence.
 */
function outcomeSpans(reading: Reading): Span[] {
  const { lexicon, sentences } = reading;
  const outcomes: Span[] = [];
  for (const sentence of sentences) {
    const opening = sentence.clauses.find((clause) => testAt(reading, lexicon.consequenceAtClauseStart, clause.start) || startsAt(reading, lexicon.consequence, clause.start));
    if (opening) outcomes.push({ start: opening.start, end: sentence.end });
  }
  scan(reading, lexicon.consequenceAfterCta, reading.all, (start) => {
    const sentence = sentences[sentenceOf(sentences, start)];
    if (sentence) outcomes.push({ start, end: sentence.end });
    return false;
  });
  return outcomes;
}

function hasMatch(reading: Reading, list: PhraseList, span: Span): boolean {
  return scan(reading, list, span, (_start, end) => end <= span.end) !== undefined;
}

/** What asks nothing (help offers, opt-outs and opt-ins, protective advice), disjoint and in order: found on first need. */
function excludedOf(reading: Reading): readonly Span[] {
  return (reading.excluded ??= mergeSpans(excludedSpans(reading)));
}

function isExcluded(reading: Reading, span: Span): boolean {
  return overlapsAny(excludedOf(reading), span);
}

/**
 * Where a request in `clause` ends: at the clause's end, or where what asks nothing starts
 * inside it (an opt-out written after the request as its footer: "… sur {{lien}} STOP 36111").
 */
function requestEnd(reading: Reading, clause: Span): number {
  const excluded = excludedOf(reading);
  // The first span that ends after the clause starts: the only one that can start inside it first.
  const first = excluded[bisect(excluded.length, (k) => excluded[k].end <= clause.start)];
  if (!first || first.start >= clause.end) return clause.end;
  let end = Math.max(clause.start, first.start);
  while (end > clause.start && /\s/.test(reading.text[end - 1])) end--;
  return end;
}

/** True when `span` overlaps one of `spans`, which are disjoint and in order: only the last starting before `span` ends can. */
function overlapsAny(spans: readonly Span[], span: Span): boolean {
  const after = bisect(spans.length, (k) => spans[k].start < span.end);
  return after > 0 && overlaps(spans[after - 1], span);
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

/**
 * True when a phrase of `list` starts at `position`: read through the list's index by the
 * word there, so only that word's phrases are compiled, not the whole list as `list.at` is
 * (the longest lists took 8 ms of a cold start's first lint to compile).
 */
function startsAt(reading: Reading, list: PhraseList, position: number): boolean {
  return scan(reading, list, { start: position, end: position + 1 }, () => true) !== undefined;
}

/** The clause that holds `position`, if a clause does (not a space between two). */
function clauseAt({ sentences }: Reading, position: number): Span | undefined {
  return sentences[sentenceOf(sentences, position)]?.clauses.find((clause) => clause.start <= position && position < clause.end);
}

/** How many words start in `span`. */
function wordsIn({ starts }: TextIndex, span: Span): number {
  return bisect(starts.length, (k) => starts[k] < span.end) - bisect(starts.length, (k) => starts[k] < span.start);
}

/** The index of the sentence that holds `position` (the first that ends after it), by bisection. */
function sentenceOf(sentences: readonly Sentence[], position: number): number {
  const index = bisect(sentences.length, (k) => sentences[k].end <= position);
  return index < sentences.length ? index : -1;
}

/**
 * Help offers ("Questions? Call 3970", "Pour toute question : 3970") cover their sentence,
 * and the next one when they end with `?` or `:`; opt-outs, opt-ins and protective advice
 * cover their clause.
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
  const excludeClauses = (span: Span) => {
    for (let index = Math.max(0, sentenceOf(sentences, span.start)); index < sentences.length && sentences[index].start < span.end; index++) {
      for (const clause of sentences[index].clauses) if (overlaps(clause, span)) excluded.push(clause);
    }
  };
  lexicon.optOut.lastIndex = 0;
  for (let match = lexicon.optOut.exec(text); match !== null; match = lexicon.optOut.exec(text)) {
    if (match[0].length === 0) lexicon.optOut.lastIndex++;
    const optOut = { start: match.index, end: match.index + match[0].length };
    // A keyword that closes a clause as its footer ("Faites un don sur {{lien}} STOP 36111") is
    // the opt-out's alone: the words before it are the message's own.
    const clause = clauseAt(reading, optOut.start);
    const keyword = wordAt(reading.index.lower, optOut.start);
    if (clause && clause.start < optOut.start && keyword?.start === optOut.start && lexicon.optOutKeywords.has(keyword.lower)) {
      excluded.push({ start: optOut.start, end: Math.max(optOut.end, clause.end) });
    } else excludeClauses(optOut);
  }
  for (const list of [lexicon.protective, lexicon.optIn]) {
    scan(reading, list, reading.all, (start, end) => {
      excludeClauses({ start, end });
      return false;
    });
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

/**
 * An obligation addressed to the recipient: not "we must", not "if you need to" (nor "if for
 * any reason you need to": a need the condition supposes, in its clause), not "must not".
 */
function isObligation(reading: Reading, phrase: Span): boolean {
  const before = wordBefore(reading.index.lower, phrase.start);
  if (reading.lexicon.obligationNotAfter.has(before) || reading.lexicon.negations.has(before)) return false;
  const clause = clauseAt(reading, phrase.start);
  if (clause && scan(reading, reading.lexicon.conditional, { start: clause.start, end: phrase.start }, () => true)) return false;
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
    case 'advice':
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
  return next === 0x3a || next === 0x2d || isTitleOrSignature(reading, k, clause) ? undefined : start;
}

const DASHES = '-–—';

/**
 * Capitalized words only, set apart by a dash, opening or closing the message: a title
 * ("Order Update - #{{id}} Hi …") or a signature ("… Thank you. - Mark Finley APS"), whose
 * first word only looks like a verb. "Shop Now - 50% off" pushes: an order, not a title.
 */
function isTitleOrSignature(reading: Reading, first: number, clause: Span): boolean {
  const { text, index, lexicon } = reading;
  let last = first;
  for (let k = first; k < index.starts.length && index.starts[k] < clause.end; k++) {
    if (!/\p{Lu}/u.test(text[index.starts[k]])) return false;
    last = k;
  }
  const opens = first === 0 && DASHES.includes(text.slice(index.ends[last]).trimStart().charAt(0));
  const closes = last === index.starts.length - 1 && DASHES.includes(text.slice(0, index.starts[first]).trimEnd().slice(-1));
  return (opens || closes) && !hasMatch(reading, lexicon.pressure, clause);
}

function findCtas(reading: Reading, phrases: readonly Phrase[]): Cta[] {
  const ctas: Cta[] = [];
  reading.sentences.forEach((sentence, index) => {
    for (const clause of sentence.clauses) {
      const imperative = imperativeAt(reading, clause);
      const phrase = imperative === undefined ? askingPhraseIn(reading, phrases, sentence, clause) : undefined;
      const start = imperative ?? phrase?.start;
      if (start === undefined) continue;
      const end = requestEnd(reading, clause);
      if (start >= end) continue;
      // An imperative asked as a question ("Cancel your tour on Friday? Reply YES or NO") asks whether, it does not order.
      const kind: CtaKind = phrase?.kind ?? (sentence.terminator.includes('?') ? 'question' : 'imperative');
      const wish = isWish(reading, index);
      ctas.push({
        start,
        end,
        kind,
        conditional: isConditional(reading, index, start),
        optional: wish || kind === 'invitation' || hasMatch(reading, reading.lexicon.optionalMarker, sentence),
        wish,
      });
    }
  });
  return ctas;
}

/**
 * Left to the recipient's wish: its sentence says so ("if you'd like", "si vous le
 * souhaitez"), or it is a wish question ("Would you like to…?"), or a wish question comes
 * just before it ("Want to choose your recipes? You can pick them…").
 */
function isWish(reading: Reading, sentenceIndex: number): boolean {
  const { sentences, lexicon } = reading;
  const sentence = sentences[sentenceIndex];
  if (hasMatch(reading, lexicon.wishMarker, sentence)) return true;
  const asksWish = (candidate: Sentence | undefined) =>
    candidate !== undefined && candidate.terminator.includes('?') && testAt(reading, lexicon.wishQuestion, wordAt(reading.index.lower, candidate.start)?.start ?? candidate.start);
  const previous = sentences[sentenceIndex - 1];
  // "si vous le souhaitez, votre conseillère peut vous recevoir ; vous pouvez la joindre…"
  if (previous !== undefined && previous.terminator === ';' && hasMatch(reading, lexicon.wishMarker, previous)) return true;
  return asksWish(sentence) || asksWish(previous);
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
    (start) => start < ctaStart || !startsAt(reading, lexicon.consequenceAfterCta, start),
  );
  if (condition) return true;
  // "Not you? Call us" sets a case; "How was your delivery? Rate us" asks, and sets none.
  const previous = sentences[sentenceIndex - 1];
  return previous !== undefined && previous.terminator.includes('?') && !lexicon.openQuestions.has(wordAt(reading.index.lower, previous.start)?.lower ?? '');
}

function findRationale(reading: Reading, promotional: boolean): Span | undefined {
  const { lexicon } = reading;
  return (
    firstReason(reading, lexicon.cause) ??
    firstReason(reading, lexicon.event) ??
    firstMatch(reading, lexicon.eventCondition) ??
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
    if (isExcluded(reading, { start, end }) || isOutcome(reading, { start, end }) || lexicon.notBeforePurpose.has(wordBefore(lower, start))) return false;
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

/** The words of a clause that holds nothing but urgency ("c'est urgent", "vite", "don't delay"): at most this many. */
const PRESSURE_CLAUSE_WORDS = 3;

function isPressureClause(reading: Reading, match: Span): boolean {
  const clause = clauseAt(reading, match.start);
  return clause !== undefined && within(match, clause) && wordsIn(reading.index, clause) <= PRESSURE_CLAUSE_WORDS;
}

function findTriggers(reading: Reading, context: DiscourseInput, phrases: readonly Phrase[], ctas: readonly Cta[]): Trigger[] {
  const { text, lexicon } = reading;
  const lower = reading.index.lower;
  const triggers: Trigger[] = [];
  // Characters already claimed by a trigger: a span is reported once, by its first kind.
  let claimed: Uint8Array | undefined;
  const add = (kind: TriggerKind, start: number, end: number, spelled = false) => {
    claimed ??= new Uint8Array(text.length);
    for (let i = start; i < end; i++) if (claimed[i]) return;
    claimed.fill(1, start, end);
    triggers.push(spelled ? { kind, start, end, spelled } : { kind, start, end });
  };
  for (const phrase of phrases) if (phrase.kind === 'obligation' && isObligation(reading, phrase)) add('obligation', phrase.start, phrase.end);
  // Urgency counts where it pushes a request: "call now", not "your card is now active"; also
  // as a clause of its own beside the request ("venez donner votre sang, c'est urgent !").
  for (const cta of ctas) {
    const sentence = reading.sentences[sentenceOf(reading.sentences, cta.start)];
    scan(reading, lexicon.pressure, sentence ?? cta, (start, end) => {
      const before = wordBefore(lower, start);
      if (lexicon.negations.has(before)) return false;
      // "Ce n'est pas urgent" is negated; "c'est urgent" beside a request pushes it, where "est" otherwise tells a state.
      // After a cause or purpose with a subject of its own ("so you can offer immediately"), or in what
      // happens next ("and we'll book you right away"), urgency tells of that, not of the request.
      const inRequest =
        within({ start, end }, cta) &&
        !lexicon.pressureNotAfter.has(before) &&
        !hasMatch(reading, lexicon.cause, { start: cta.start, end: start }) &&
        !hasMatch(reading, lexicon.consequence, { start: cta.start, end: start });
      if (isPressureClause(reading, { start, end }) || inRequest) add('pressure', start, end);
      return false;
    });
  }
  scan(reading, lexicon.finality, reading.all, (start, end) => {
    if (!isNegatedAt(reading, start)) add('pressure', start, end);
    return false;
  });
  for (const span of alarmLabels(reading)) add('alarm', span.start, span.end);
  for (const span of shouting(reading, context)) add('shouting', span.start, span.end, span.spelled);
  const exclamations = exclamationSpan(text);
  if (exclamations) triggers.push({ kind: 'exclamations', ...exclamations });
  return triggers.sort((a, b) => a.start - b.start);
}

const HEADER_PUNCTUATION = /^\s*[:!.,\-–—]/u;
/** U+FE0F, which asks for the emoji form of the sign before it ("⚠️"). */
const VARIATION_SELECTOR = 0xfe0f;

/**
 * An alarm label used as a header: a warning sign or a label at the start of a sentence,
 * the label followed by punctuation ("⚠️", "URGENT.", "Attention !", "IMPORTANT -"), or closing
 * the opening sentence before `:` or `!` ("Telvo ALERT:", "Orange alerte :").
 */
function alarmLabels(reading: Reading): Span[] {
  const { text, lexicon, sentences } = reading;
  const labels: Span[] = [];
  sentences.forEach((sentence, index) => {
    // Spec: a warning sign heading the message or a sentence ("⚠️ Votre compte…") is an alarm label.
    // An emoji that ends the sentence before heads this one ("Bonjour ❗ Votre colis…").
    const previous = sentences[index - 1];
    const signAt = previous && previous.terminator !== '' && lexicon.alarmSigns.some((sign) => previous.terminator.startsWith(sign)) ? text.indexOf(previous.terminator, previous.end) : sentence.start;
    const sign = lexicon.alarmSigns.find((candidate) => text.startsWith(candidate, signAt));
    if (sign) {
      labels.push({ start: signAt, end: signAt + sign.length + (text.charCodeAt(signAt + sign.length) === VARIATION_SELECTOR ? 1 : 0) });
      return;
    }
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
/** What may stand between a keyword and the word that leads it: spaces and quote marks. */
const KEYWORD_GAP = /^[\s"'«»“”‘’]*$/;
/** The sender's name before the message ("ORACLE: Bonjour…", "SUNU YOON - Nouvelle…", "[FLOW] Hi…"): at most this many words. */
const SENDER_WORDS = 4;
const SENDER_PREFIX = /^(?:\s*\[[^\]\n]{1,40}\]|[^:\n]*?(?::| [-–] ))/;
/** A sign-off after a dash at the very end ("… - IHCI", "-Atlanta Municipal Court"). */
const SIGN_OFF = /(?:^|\s)[-–—]\s?[^-–—.!?\n]*$/;

/**
 * Words of four or more capitals that are words of the language (not a name: "ZITADEL",
 * "FCFA"), and not an acronym, a brand, an opt-out keyword, a keyword to type or a code
 * ("reply CANCEL", "code BIENVENUE"), nor the sender's name before the message or in its
 * sign-off (spec, Clarifications: Capitals).
 */
function shouting(reading: Reading, context: DiscourseInput): (Span & { spelled: boolean })[] {
  const words: (Span & { spelled: boolean })[] = [];
  let brand: Set<string> | undefined;
  let names: Span[] | undefined;
  const { lexicon } = reading;
  for (const capitals of reading.index.capitals) {
    const word = reading.text.slice(capitals.start, capitals.end);
    if (lexicon.allowedCapitals.has(word) || context.config.allowedCapitals.has(word) || !lexicon.hasVowel(word) || !lexicon.isWord(word)) continue;
    brand ??= new Set((context.template.sender ?? '').toUpperCase().split(NOT_A_LETTER));
    if (brand.has(word) || isTypedKeyword(reading, capitals) || namesAProduct(reading, capitals) || continuesAName(reading, capitals, context)) continue;
    names ??= senderNames(reading, context.template.sender === undefined);
    // A word the dictionary read whole, or one the language lists as shouting, is spelled: a word of the language.
    if (!names.some((name) => within(capitals, name))) words.push({ ...capitals, spelled: lexicon.readsWhole(word) || lexicon.shoutingWords.has(word.toLowerCase()) });
  }
  return words;
}

/**
 * Capitals right after an acronym or a name allowed in capitals: the rest of that name
 * ("TGV INOUI", "TGV LYRIA", the spec's example of a product written in capitals).
 */
function continuesAName({ index, text, lexicon }: Reading, capitals: Span, context: DiscourseInput): boolean {
  const previous = bisect(index.starts.length, (i) => index.starts[i] < capitals.start) - 1;
  if (previous < 0 || !/^ +$/.test(text.slice(index.ends[previous], capitals.start))) return false;
  const word = text.slice(index.starts[previous], index.ends[previous]);
  return lexicon.allowedCapitals.has(word) || context.config.allowedCapitals.has(word);
}

/** Only spaces and placeholders between two words: "A CASA {{role}} account". */
const NOUN_GAP = /^[\s\uE000]*$/;

/**
 * Capitals right before a noun of a service ("Your CAHO verification code", "A CASA account"),
 * or, in a language that puts the name after the noun, right after one ("votre colis
 * CHRONOPOST", "chez BOULANGER") unless the word describes ("votre compte BLOQUÉ"): the name
 * of a brand or product, which the spec does not count as shouting. In English only before
 * the noun: after it, capitals shout as often as they name ("your account WILL be closed").
 */
function namesAProduct({ index, text, lexicon }: Reading, capitals: Span): boolean {
  const next = bisect(index.starts.length, (i) => index.starts[i] < capitals.end);
  if (next < index.starts.length && lexicon.productNouns.has(index.lower.slice(index.starts[next], index.ends[next])) && NOUN_GAP.test(text.slice(capitals.end, index.starts[next]))) {
    return true;
  }
  // Capitals before a word written with its own capital ("WALI Livraison", "CORSAIR Airlines"): one name.
  if (next < index.starts.length && text.slice(capitals.end, index.starts[next]) === ' ' && isCapitalised(text, index.starts[next], index.ends[next])) return true;
  const previous = bisect(index.starts.length, (i) => index.starts[i] < capitals.start) - 1;
  return (
    previous >= 0 &&
    lexicon.nounsBeforeProductName.has(index.lower.slice(index.starts[previous], index.ends[previous])) &&
    NOUN_GAP.test(text.slice(index.ends[previous], capitals.start)) &&
    !lexicon.descriptiveWord.test(index.lower.slice(capitals.start, capitals.end))
  );
}

/** A word of at least two letters whose first alone is a capital ("Livraison", not "LIVRAISON" or "livraison"). */
function isCapitalised(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end);
  return word.length > 1 && /^\p{Lu}\p{Ll}+$/u.test(word);
}

/** Keywords to type, listed after the first ("Reply SERVICE, PRAYER or HELP"): at most this many. */
const LISTED_KEYWORDS = 8;
/** What stands between two listed keywords, or a keyword and a joining word: a comma, a slash or spaces. */
const KEYWORD_LIST_GAP = /^(?:\s*[,/]\s*|\s+)$/;

/** The words of a listed keyword's item after it ("NO to decline, BUSY…"): at most this many. */
const ITEM_WORDS = 4;

function isTypedKeyword({ index, text, lexicon }: Reading, capitals: Span): boolean {
  let k = bisect(index.starts.length, (i) => index.starts[i] < capitals.start) - 1;
  let next = capitals.start;
  const wordAt = (at: number) => index.lower.slice(index.starts[at], index.ends[at]);
  const inCapitals = (at: number) => {
    const written = text.slice(index.starts[at], index.ends[at]);
    return written === written.toUpperCase();
  };
  /** Only spaces stand between word `at` and the one before it. */
  const spacedFromPrevious = (at: number) => /^\s+$/.test(text.slice(index.ends[at - 1], index.starts[at]));
  for (let listed = 0; k >= 0 && listed <= LISTED_KEYWORDS; listed++) {
    const word = wordAt(k);
    if (lexicon.keywordLeads.has(word)) return KEYWORD_GAP.test(text.slice(index.ends[k], next));
    const gap = text.slice(index.ends[k], next);
    if (!KEYWORD_LIST_GAP.test(gap)) return false;
    // A joining word ("or", locale data), or a keyword in capitals before this one: the list goes on leftwards.
    if (!lexicon.keywordListWords.has(word) && !inCapitals(k)) {
      // Or the words of the item before, after a comma: what its keyword does ("Reply YES to
      // accept, NO to decline, BUSY…", "Reply with a number, or SKIP"), back to that keyword or the lead.
      if (!gap.includes(',')) return false;
      let item = k;
      while (item > k - ITEM_WORDS && item > 0 && spacedFromPrevious(item) && !inCapitals(item - 1) && !lexicon.keywordLeads.has(wordAt(item - 1))) item--;
      if (item === 0 || item === k - ITEM_WORDS || !spacedFromPrevious(item)) return false;
      if (lexicon.keywordLeads.has(wordAt(item - 1))) return true;
      k = item - 1;
    }
    next = index.starts[k];
    k--;
  }
  return false;
}

/**
 * Where the sender names itself: a short prefix before a colon or a dash (only when the
 * template does not declare its sender: then the declared name is the one to trust, and
 * "HUGE SALE:" after it shouts), a short sign-off after a final dash, and a short last
 * sentence holding a sign-off word ("L'équipe BIMP.").
 */
function senderNames({ text, index, sentences, lexicon }: Reading, readPrefix: boolean): Span[] {
  const spans: Span[] = [];
  const prefix = readPrefix ? SENDER_PREFIX.exec(text) : null;
  if (prefix && wordsIn(index, { start: 0, end: prefix[0].length }) <= SENDER_WORDS) spans.push({ start: 0, end: prefix[0].length });
  const signOff = SIGN_OFF.exec(text);
  if (signOff && wordsIn(index, { start: signOff.index, end: text.length }) <= SENDER_WORDS) spans.push({ start: signOff.index, end: text.length });
  const last = sentences[sentences.length - 1];
  if (last && sentences.length > 1 && wordsIn(index, last) <= SENDER_WORDS) {
    const first = bisect(index.starts.length, (k) => index.starts[k] < last.start);
    for (let k = first; k < index.starts.length && index.starts[k] < last.end; k++) {
      if (lexicon.signOffWords.has(index.lower.slice(index.starts[k], index.ends[k]))) {
        spans.push(last);
        break;
      }
    }
  }
  return spans;
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
