import { readFileSync } from 'node:fs';
import type { Linter, Template } from '../lib/engine';
import { withoutControls } from '../lib/train/spam';
import { interleavedPasses, median, shared, target } from './util';

/**
 * The engine as users and the Lambda bundles run it: compiled JavaScript (`npm run build`),
 * not the TypeScript source through a run-time transpiler.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the built package, as users run it, not the TypeScript source
const { lint, createLinter, builtInLocales } = require('../dist/lib/engine') as typeof import('../lib/engine');

/** The 4,827 ham messages of the UCI SMS Spam Collection, as English transactional templates. */
export function hamTemplates(): Template[] {
  return readFileSync(shared('data/sms-spam-collection.tsv'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('ham\t'))
    // A few hold C1 controls left by mis-decoded text, which the engine refuses: read as spaces.
    .map((line) => ({ locale: 'en', category: 'transactional', body: withoutControls(line.slice(4)) }));
}

function timeLintAll(templates: Template[], lintOne: (template: Template) => unknown = lint): number {
  const started = process.hrtime.bigint();
  for (const template of templates) lintOne(template);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/**
 * Passes for a part's added cost: a difference of two lints is small beside either, and two
 * identical linters measured this way differed by up to 2.4 µs a message over 9 passes, 0.8
 * over 25 (3 December 2026, this project's machine).
 */
const LAYER_PASSES = 25;

/**
 * What one part of the engine adds to a lint, in µs a message: a linter with it against the
 * same linter without it, over the ham messages, interleaved slice by slice
 * (`interleavedPasses`); the median over passes of the difference.
 */
function addedCost(withPart: Linter, withoutPart: Linter, passes: number): number {
  const templates = hamTemplates();
  const times = interleavedPasses(templates, { with: withPart.lint, without: withoutPart.lint }, passes);
  return median(times.with.map((time, pass) => ((time - times.without[pass]) / templates.length) * 1e6));
}

/** The learned tone layer: the engine with its tone models against the same engine deciding by its analysis alone. */
export function benchToneLayer(passes = LAYER_PASSES): number {
  return addedCost(createLinter(), createLinter({ locales: builtInLocales.map((locale) => ({ ...locale, toneModel: undefined })) }), passes);
}

/**
 * spam-likeness: the engine with every rule against the same engine without that one. The
 * tone checks build the discourse it reads in both, as they do in use.
 */
export function benchSpamLikeness(passes = LAYER_PASSES): number {
  return addedCost(createLinter(), createLinter({ config: { rules: { 'spam-likeness': 'off' } } }), passes);
}

/** Messages per second over the ham collection, median of several passes after a warm-up. */
export function benchThroughput(passes = 9): { messages: number; perSecond: number } {
  const templates = hamTemplates();
  timeLintAll(templates);
  timeLintAll(templates);
  const seconds = median(Array.from({ length: passes }, () => timeLintAll(templates)));
  return { messages: templates.length, perSecond: templates.length / seconds };
}

/** Lint time for long bodies built from real text: linear growth means time per KB stays flat. */
export function benchBodySizes(): { kilobytes: number; milliseconds: number }[] {
  const text = hamTemplates().map((t) => t.body).join(' ');
  return [1, 10, 100].map((kilobytes) => {
    const body = text.slice(0, kilobytes * 1000);
    const template: Template = { locale: 'en', category: 'transactional', body };
    const runs = Math.max(5, Math.round(200 / kilobytes));
    lint(template);
    const times = Array.from({ length: runs }, () => timeLintAll([template]) * 1000);
    return { kilobytes, milliseconds: median(times) };
  });
}

export function runEngineBench(): void {
  const { messages, perSecond } = benchThroughput();
  console.log(`engine: ${messages} ham messages, ${Math.round(perSecond).toLocaleString('en')} messages/s (median of 9 passes, one core)`);
  const toneLayer = benchToneLayer();
  console.log(`engine: the learned tone layer adds ${toneLayer.toFixed(2)} µs a message (median of ${LAYER_PASSES} passes) ${target('tone layer', toneLayer, 'at most', 2, ' µs')}`);
  const spamLikeness = benchSpamLikeness();
  console.log(`engine: spam-likeness adds ${spamLikeness.toFixed(2)} µs a message (median of ${LAYER_PASSES} passes) ${target('spam-likeness', spamLikeness, 'at most', 2, ' µs')}`);
  for (const { kilobytes, milliseconds } of benchBodySizes()) {
    console.log(`engine: ${String(kilobytes).padStart(3)} KB body: ${milliseconds.toFixed(3)} ms (${(milliseconds / kilobytes).toFixed(4)} ms/KB)`);
  }
}
