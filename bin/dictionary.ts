#!/usr/bin/env node
/**
 * `npm run dictionary`: writes a language's dictionary (lib/engine/locales/<language>/dictionary.json),
 * the filter that tells its words in capitals (shouting) from names and acronyms, from a word
 * list: a text file of one word a line, or a JSON array. The shipped ones:
 *
 *   npm run dictionary -- --language en --words /usr/share/dict/american-english \
 *     --source "SCOWL's american-english (Debian wamerican 2020.12.07), by Kevin Atkinson: free to use, modify and sell"
 *   npm run dictionary -- --language fr --words node_modules/an-array-of-french-words/index.json \
 *     --source "an-array-of-french-words 2.0.0 (MIT), from the Letterpress word list"
 *
 * (`apt-get install wamerican`; `npm install --no-save an-array-of-french-words`.) Words
 * written with a capital are names, and left out, as are words of fewer than four letters
 * (capitals shout from four).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildWordFilter, wordKey } from '../lib/engine';

/** Letters enough to tell most names from words, few enough that inflections share a key and the filter stays small. */
const KEY_LENGTH = 5;

const { values } = parseArgs({ options: { language: { type: 'string' }, words: { type: 'string' }, source: { type: 'string' } } });
if (!values.language || !values.words || !values.source) {
  console.error('usage: npm run dictionary -- --language <xx> --words <list.txt|list.json> --source "<where the words come from, licence>"');
  process.exit(2);
}
const text = readFileSync(values.words, 'utf8');
const words: string[] = values.words.endsWith('.json') ? JSON.parse(text) : text.split('\n');
const keys = new Set(
  words
    .map((word) => word.trim())
    .filter((word) => /^\p{Ll}\p{L}{3,}$/u.test(word))
    .map((word) => wordKey(word, KEY_LENGTH)),
);
const filter = buildWordFilter(keys, KEY_LENGTH, values.source);
const file = path.resolve(__dirname, '..', 'lib', 'engine', 'locales', values.language, 'dictionary.json');
writeFileSync(file, `{${Object.entries(filter).map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`).join(',\n')}}\n`);
console.log(`wrote ${path.relative(process.cwd(), file)}: ${keys.size} keys from ${words.length} words, ${Math.round(filter.bits.length / 1024)} KB`);
