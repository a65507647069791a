import { check } from 'recheck';
import { regexLiterals, regexesBuiltAtLoad, topLevelAlternatives, type CollectedRegex } from './collect-regexes';

/**
 * Every regular expression of the rules and the locale data must run in linear time
 * whatever the body holds: smslint lints untrusted text of up to 100,000 characters.
 * recheck decides it by automaton analysis; a future lexicon entry that brings back
 * backtracking fails here, named with its origin.
 */
interface Analysed extends CollectedRegex {
  pattern: string;
  analysedFlags: string;
}

function collectAll(): CollectedRegex[] {
  const built = regexesBuiltAtLoad(() => {
    jest.isolateModules(() => {
      require('../../lib/engine');
    });
  });
  const unique = new Map<string, CollectedRegex>();
  for (const regex of [...regexLiterals(), ...built]) unique.set(`/${regex.source}/${regex.flags}`, regex);
  return [...unique.values()];
}

/** What to analyse: a sticky pattern only matches at lastIndex, so it is analysed anchored. */
function toAnalyse(regexes: CollectedRegex[]): Analysed[] {
  const unique = new Map<string, Analysed>();
  for (const regex of regexes) {
    const sticky = regex.flags.includes('y');
    const analysedFlags = regex.flags.replace(/[gyd]/g, '');
    for (const branch of topLevelAlternatives(regex.source)) {
      const pattern = sticky ? `^(?:${branch})` : branch;
      unique.set(`/${pattern}/${analysedFlags}`, { ...regex, pattern, analysedFlags });
    }
  }
  return [...unique.values()];
}

const regexes = collectAll();
const analysed = toAnalyse(regexes);

test('every regular expression of the engine runs in linear time', async () => {
  expect(regexes.length).toBeGreaterThan(40);
  const verdicts: string[] = [];
  // Two at a time: recheck's analysis is CPU-bound and the machine has two cores.
  for (let i = 0; i < analysed.length; i += 2) {
    const batch = analysed.slice(i, i + 2);
    const results = await Promise.all(batch.map((regex) => check(regex.pattern, regex.analysedFlags, { timeout: 60_000 })));
    results.forEach((result, j) => {
      if (result.status !== 'safe') verdicts.push(`${result.status}: /${batch[j].pattern}/${batch[j].analysedFlags} (${batch[j].origin})`);
    });
  }
  console.log(`ReDoS analysis: ${regexes.length} regular expressions, ${analysed.length} alternatives analysed`);
  expect(verdicts).toEqual([]);
}, 600_000);
