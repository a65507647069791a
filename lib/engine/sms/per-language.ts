import { localeFor, supportedLanguages, type LocaleData } from '../locales';

/**
 * Builds a rule's data for every supported language once, at load (regexes compiled from
 * the locale's JSON), and returns the lookup a check calls per template.
 */
export function perLanguage<T>(build: (locale: LocaleData) => T): (language: string) => T {
  const built = new Map(supportedLanguages.map((language) => [language, build(localeFor(language)!)]));
  return (language) => built.get(language)!;
}

/**
 * One case-insensitive regex matching any of a locale's pattern sources (each linear on its
 * own). No `u` flag: the patterns need none, and `iu` runs ten times slower in V8.
 */
export function anyOf(sources: readonly string[], flags = 'i'): RegExp {
  return new RegExp(sources.map((source) => `(?:${source})`).join('|'), flags);
}
