import enCore from './en/core.json';
import enSms from './en/sms.json';
import frCore from './fr/core.json';
import frSms from './fr/sms.json';
import type { LinearModelData } from '../model/linear';
import type { WordFilterData } from '../model/word-filter';

/** Message texts of one data file: rule id → message id → text with `{placeholders}`. */
export type Messages = Record<string, Record<string, string>>;

interface LocaleFile {
  messages: Messages;
}

/**
 * Everything language-specific, as data: the words and phrases of the core checks
 * (`core.json`), of the SMS rules (`sms.json`), the messages of both, and the weights
 * of the tone checks' learned decisions and of spam-likeness (`tone-model.json`,
 * `spam-model.json`, made by `npm run train`), and the filter of the language's words
 * (`dictionary.json`, made by `npm run dictionary`).
 * Adding a language means adding a folder beside `en/` and one line below.
 */
export interface LocaleData {
  language: string;
  messages: Messages;
  core: typeof enCore;
  sms: typeof enSms;
  /** Without one, the tone checks decide from the analysis alone. */
  toneModel?: LinearModelData;
  /** Without one, `spam-likeness` does nothing: no public labelled French spam exists to learn from. */
  spamModel?: LinearModelData;
  /** Without one, a word in capitals that no list excuses shouts, whether a word of the language or a name. */
  dictionary?: WordFilterData;
}

/**
 * The models and dictionaries are read on first use (`require`, in a bundle too): they are
 * most of the data (480 KB), and a run that lints only English never needs the French ones.
 */
function locale(
  language: string,
  core: typeof enCore & LocaleFile,
  sms: typeof enSms & LocaleFile,
  readDictionary: () => unknown,
  readTone: () => unknown,
  readSpam?: () => unknown,
): LocaleData {
  let toneModel: LinearModelData | undefined;
  let spamModel: LinearModelData | undefined;
  let dictionary: WordFilterData | undefined;
  return {
    language,
    messages: { ...core.messages, ...sms.messages },
    core,
    sms,
    get toneModel() {
      toneModel ??= readTone() as LinearModelData;
      return toneModel;
    },
    get spamModel() {
      spamModel ??= readSpam?.() as LinearModelData | undefined;
      return spamModel;
    },
    get dictionary() {
      dictionary ??= readDictionary() as WordFilterData;
      return dictionary;
    },
  };
}

/* eslint-disable @typescript-eslint/no-require-imports -- `require` inside a function is what defers a file's load */
/** English and French, as shipped. */
export const builtInLocales: readonly LocaleData[] = [
  locale(
    'en',
    enCore,
    enSms,
    () => require('./en/dictionary.json'),
    () => require('./en/tone-model.json'),
    () => require('./en/spam-model.json'),
  ),
  locale('fr', frCore, frSms, () => require('./fr/dictionary.json'), () => require('./fr/tone-model.json')),
];
/* eslint-enable @typescript-eslint/no-require-imports */

export const supportedLanguages = builtInLocales.map((data) => data.language);

/** The shipped data for `en`, `fr`, ...; undefined when the language has none. */
export function localeFor(language: string): LocaleData | undefined {
  return builtInLocales.find((data) => data.language === language);
}

/**
 * A plural choice in a message text, as ICU MessageFormat writes it:
 * `{count, plural, one {# segment} other {# segments}}`. Branches are plain text, `#` the number.
 */
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const PLURAL_BRANCH = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;
const pluralRules = new Map<string, Intl.PluralRules>();

/** A message text cut once into what `formatMessage` fills: plain text, `{name}` slots and plural choices. */
type MessagePiece = string | { slot: string } | { count: string; choice: string; branches: Map<string, string> };
const SLOT = /\{(\w+)\}/g;
const compiledMessages = new Map<string, MessagePiece[]>();
const MAX_COMPILED_MESSAGES = 2000;

function slotPieces(text: string): MessagePiece[] {
  const pieces: MessagePiece[] = [];
  let at = 0;
  for (const slot of text.matchAll(SLOT)) {
    pieces.push(text.slice(at, slot.index), { slot: slot[1] });
    at = slot.index + slot[0].length;
  }
  pieces.push(text.slice(at));
  return pieces.filter((piece) => piece !== '');
}

function compileMessage(text: string): MessagePiece[] {
  const pieces: MessagePiece[] = [];
  let at = 0;
  for (const choice of text.matchAll(PLURAL)) {
    pieces.push(...slotPieces(text.slice(at, choice.index)));
    pieces.push({ count: choice[1], choice: choice[0], branches: new Map(Array.from(choice[2].matchAll(PLURAL_BRANCH), ([, category, branch]) => [category, branch])) });
    at = choice.index + choice[0].length;
  }
  pieces.push(...slotPieces(text.slice(at)));
  return pieces;
}

/**
 * Fills a message text: plural choices by the number in `data` and the plural rules of
 * `language` (French counts 0 and 1 as one, English only 1), and `{name}` slots. An unknown
 * slot, or a choice without its number, is left as written. Each text is cut into its
 * pieces once: a lint formats a message per finding.
 *
 * @example
 * formatMessage('{count, plural, one {# point} other {# points}}', { count: 1 }, 'fr') // '1 point'
 */
export function formatMessage(text: string, data: Record<string, string | number> = {}, language = 'en'): string {
  let pieces = compiledMessages.get(text);
  if (!pieces) {
    pieces = compileMessage(text);
    // The locales' texts are a few hundred; a rule's own suggestion may be new each time.
    if (compiledMessages.size < MAX_COMPILED_MESSAGES) compiledMessages.set(text, pieces);
  }
  let message = '';
  for (const piece of pieces) {
    if (typeof piece === 'string') message += piece;
    else if ('slot' in piece) message += Object.hasOwn(data, piece.slot) ? String(data[piece.slot]) : `{${piece.slot}}`;
    else {
      const count = Object.hasOwn(data, piece.count) ? Number(data[piece.count]) : Number.NaN;
      if (Number.isNaN(count)) message += fillSlots(piece.choice, data);
      else {
        const { branches } = piece;
        const branch = branches.get(`=${count}`) ?? branches.get(pluralCategory(language, count)) ?? branches.get('other');
        message += branch === undefined ? fillSlots(piece.choice, data) : branch.replace(/#/g, String(count));
      }
    }
  }
  return message;
}

/** A choice left as written still has its slots filled, as they were in the whole text. */
function fillSlots(text: string, data: Record<string, string | number>): string {
  return text.replace(SLOT, (slot, name: string) => (Object.hasOwn(data, name) ? String(data[name]) : slot));
}

function pluralCategory(language: string, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    pluralRules.set(language, rules);
  }
  return rules.select(count);
}
