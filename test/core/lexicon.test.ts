import { builtInLocales } from '../../lib/engine';
import { indexText, leadingWords, lexiconFor, phraseSource, scanList, unaccented, type PhraseList } from '../../lib/engine/core/lexicon';

describe('phrase data', () => {
  it.each([
    ['you must', 'you\\s+must'],
    ["merci d'", "merci\\s+d['’]"],
    ['expir*', 'expir[a-zé]*(?:\\([a-zé]{1,2}\\)[a-zé]?)?'],
    // A `*` inside a phrase as well as at its end; inclusive endings: "tenu(e)", "convoqué(e)s".
    ['vous êtes tenu* de', 'vous\\s+[êe]tes\\s+tenu[a-zé]*(?:\\([a-zé]{1,2}\\)[a-zé]?)?\\s+de'],
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
    ['pre-?sale', [{ word: 'pre', stem: true }]],
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

describe('words written without their accents', () => {
  it('drops the accents of Latin letters, one code unit for one, and leaves the rest as written', () => {
    expect(unaccented('échéance dépassée : payez à {{lien}} ! ça coûte 5 €, œuvre ß')).toBe('echeance depassee : payez a {{lien}} ! ca coute 5 €, œuvre ß');
  });

  it('match the phrase that writes them with accents, not the other way round', () => {
    const source = phraseSource('(?:facture|relevé) [éè]chue|passé ce délai|passe', 'a-zß-öø-ÿœæ');
    const matches = (text: string) => new RegExp(`^(?:${source})$`, 'u').test(text);
    expect(['facture échue', 'releve echue', 'relevé èchue', 'passe ce delai', 'passé ce délai', 'passe'].filter(matches)).toHaveLength(6);
    expect(['passé', 'relève échue'].filter(matches)).toEqual([]);
    // A participle's stem: without its accent, only a participle's endings.
    const participle = new RegExp(`^(?:${phraseSource('remboursé*', 'a-zé')})$`, 'u');
    expect(['remboursé', 'remboursées', 'remboursé(e)s', 'rembourse', 'remboursees'].filter((text) => participle.test(text))).toHaveLength(5);
    expect(['remboursement', 'rembourser'].filter((text) => participle.test(text))).toEqual([]);
  });

  it('find the phrase lists that start with the word written with its accents', () => {
    const fr = builtInLocales.find((locale) => locale.language === 'fr')!;
    const lexicon = lexiconFor(fr);
    const index = indexText('Votre colis est arrive. Vous pouvez le recuperer des demain.', lexicon);
    const event = scanList(lexicon.event, index, 0, index.lower.length, () => true);
    expect(event && index.lower.slice(event.start, event.end)).toBe('votre colis est arrive');
  });
});

describe('scanning a phrase list word by word', () => {
  const texts: Record<string, string> = {
    en: "Please pay your bill by Friday, or a late fee applies. Your card expired: update it so that we can renew your plan. If you don't recognise this payment, call us. Never share this code. We'll cancel the booking unless you reply YES.",
    fr: "Merci de régler votre facture avant vendredi, faute de quoi des frais s'appliqueront. Votre carte a expiré : mettez-la à jour afin que nous puissions renouveler votre offre. Vous êtes tenu(e) de vous présenter. Si vous n'êtes pas à l'origine de ce paiement, appelez-nous.",
  };
  // The RegExp of a word's own phrases must match as the whole list's would: a phrase left
  // out of it could never have matched there, or a finding would move.
  it.each(builtInLocales.map((locale) => [locale.language, locale] as const))('%s: each word\'s phrases match as the whole list does', (language, locale) => {
    const lexicon = lexiconFor(locale);
    const index = indexText(texts[language], lexicon);
    const lists = [...Object.values(lexicon.cta), ...Object.values(lexicon).filter((value): value is PhraseList => typeof value === 'object' && value !== null && 'atWord' in value)];
    let compared = 0;
    let matched = 0;
    for (const list of lists) {
      index.starts.forEach((start, k) => {
        if ((index.masks[k] & list.bit) === 0) return;
        const whole = list.at;
        whole.lastIndex = start;
        const expected = whole.test(index.lower) ? whole.lastIndex : -1;
        const own = list.atWord(index.lower, start, index.ends[k]);
        own.lastIndex = start;
        expect({ list: list.bit, start, end: own.test(index.lower) ? own.lastIndex : -1 }).toEqual({ list: list.bit, start, end: expected });
        compared++;
        if (expected >= 0) matched++;
      });
    }
    // Enough words of these texts start phrases of some list, and enough of them match, for the comparison to mean something.
    expect(compared).toBeGreaterThan(40);
    expect(matched).toBeGreaterThan(5);
  });
});
