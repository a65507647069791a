import { leadingWords, phraseSource } from '../../lib/engine/core/lexicon';

describe('phrase data', () => {
  it.each([
    ['you must', 'you\\s+must'],
    ["merci d'", "merci\\s+d['’]"],
    ['expir*', 'expir[a-zé]*(?:\\([a-zé]{1,2}\\)[a-zé]?)?'],
    // A `*` inside a phrase as well as at its end; inclusive endings: "tenu(e)", "convoqué(e)s".
    ['vous êtes tenu* de', 'vous\\s+êtes\\s+tenu[a-zé]*(?:\\([a-zé]{1,2}\\)[a-zé]?)?\\s+de'],
    ['\\d+ ?% off', '\\d+\\s?%\\s+off'],
    ['questions?\\s*\\?', 'questions?\\s*\\?'],
  ])('turns "%s" into %s', (phrase, source) => {
    expect(phraseSource(phrase, 'a-zé')).toBe(source);
  });

  it.each(['vous êtes tenu de', 'vous êtes tenue de', 'vous êtes tenu(e) de', 'vous êtes tenu(e)s de'])('matches "%s" with "vous êtes tenu* de"', (text) => {
    expect(new RegExp(`^${phraseSource('vous êtes tenu* de', 'a-zé')}$`, 'u').test(text)).toBe(true);
  });

  it.each([
    ['please', [{ word: 'please', stem: false }]],
    ["don't forget to", [{ word: 'don', stem: false }]],
    ['expir*', [{ word: 'expir', stem: true }]],
    ['questions?\\s*\\?', [{ word: 'question', stem: true }]],
    ['(?:could|can) you', [{ word: 'could', stem: false }, { word: 'can', stem: false }]],
    ['we ask (?:that )?you', [{ word: 'we', stem: false }]],
    ['(?:that )?you', [{ word: 'that', stem: false }, { word: 'you', stem: false }]],
    ['(?:late |admin |)fee', [{ word: 'late', stem: false }, { word: 'admin', stem: false }, { word: 'fee', stem: false }]],
    ["s'il(?! vous pla)", [{ word: 's', stem: false }]],
  ])('indexes "%s" by the words it can start with', (phrase, words) => {
    expect(leadingWords(phrase)).toEqual(words);
  });

  it.each(['\\d+ ?% off', '[£$€]\\s?\\d+ off', '-\\s?\\d+\\s?%', '(?:\\d+|two) days'])('leaves "%s" to a whole-text scan', (phrase) => {
    expect(leadingWords(phrase)).toBeUndefined();
  });
});
