import { buildWordFilter, localeFor, wordKey } from '../../lib/engine';
import { WordFilter } from '../../lib/engine/model/word-filter';

describe('the dictionary filter', () => {
  it('keys a word by its first letters, lower-cased and without accents', () => {
    expect(wordKey('IMMÉDIATEMENT', 5)).toBe('immed');
    expect(wordKey('Déjà', 5)).toBe('deja');
  });

  it('holds every word it was built from, and errs on about one other key in ten', () => {
    const keys = new Set(Array.from({ length: 5000 }, (_, i) => `word${i}`));
    const filter = new WordFilter(buildWordFilter(keys, 12, 'test'));
    for (const key of keys) expect(filter.has(key)).toBe(true);
    const others = Array.from({ length: 20_000 }, (_, i) => `other${i}`).filter((key) => filter.has(key)).length / 20_000;
    expect(others).toBeGreaterThan(0.05);
    expect(others).toBeLessThan(0.15);
  });

  it.each([
    // One name in ten passes for a word (ZITADEL does in English): these are of the nine.
    ['en', ['URGENT', 'NEVER', 'TODAY', 'IMMEDIATELY', 'WINNER', 'FINAL'], ['ZENKO', 'KWIKFIX', 'FCFA', 'MEDSURLINK', 'NSPCC']],
    ['fr', ['GRATUIT', 'JAMAIS', 'BLOQUÉ', 'IMMÉDIATEMENT', 'DERNIÈRE', 'NAISSANCE'], ['ZITADEL', 'FCFA', 'DTAI', 'MEDSURLINK', 'SPIP']],
  ])('tells the shipped %s words from names', (language, words, names) => {
    const filter = new WordFilter(localeFor(language)!.dictionary!);
    expect(words.filter((word) => !filter.has(word))).toEqual([]);
    expect(names.filter((name) => filter.has(name))).toEqual([]);
  });

  it('reads a word whole up to its key length, and only the start of a longer one', () => {
    const filter = new WordFilter(localeFor('en')!.dictionary!);
    expect(['NEVER', 'WILL', 'ADVANCIA', 'IMMEDIATELY'].map((word) => filter.readsWhole(word))).toEqual([true, true, false, false]);
    // A name that starts as a word does ("advance"): only the model can tell it is not shouting.
    expect(filter.has('ADVANCIA')).toBe(true);
  });

  it('refuses a file that is not a dictionary, saying what one is', () => {
    expect(() => new WordFilter({ kind: 'tone' } as never)).toThrow('a dictionary must be {"kind": "dictionary"');
  });
});
