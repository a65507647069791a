import enCore from './en/core.json';
import enSms from './en/sms.json';
import frCore from './fr/core.json';
import frSms from './fr/sms.json';

/** Message texts of one data file: rule id → message id → text with `{placeholders}`. */
export type Messages = Record<string, Record<string, string>>;

interface LocaleFile {
  messages: Messages;
}

/**
 * Everything language-specific, as data: the words and phrases of the core checks
 * (`core.json`), of the SMS rules (`sms.json`), and the messages of both. Adding a
 * language means adding a folder beside `en/` and one line below.
 */
export interface LocaleData {
  language: string;
  messages: Messages;
  core: typeof enCore;
  sms: typeof enSms;
}

function locale(language: string, core: typeof enCore & LocaleFile, sms: typeof enSms & LocaleFile): LocaleData {
  return { language, messages: { ...core.messages, ...sms.messages }, core, sms };
}

const locales: Record<string, LocaleData> = {
  en: locale('en', enCore, enSms),
  fr: locale('fr', frCore, frSms),
};

export const supportedLanguages = Object.keys(locales);

/** The data for `fr-FR`, `fr`, ...; undefined when the language has none. */
export function localeFor(language: string): LocaleData | undefined {
  return Object.hasOwn(locales, language) ? locales[language] : undefined;
}

/** Fills `{name}` slots of a message text; an unknown slot is left as written. */
export function formatMessage(text: string, data: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (slot, name: string) => (Object.hasOwn(data, name) ? String(data[name]) : slot));
}
