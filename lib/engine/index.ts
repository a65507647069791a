/**
 * smslint's lint engine: pure functions over templates, no I/O. The CLI, the Lambda
 * handlers and the local server are adapters over this module.
 */
export { lint, validateTemplate } from './lint';
export { createLinter, MAX_FINDINGS_PER_RULE, type Linter, type LinterOptions } from './linter';
export { defineRule } from './types';
export { ENGINE_VERSION } from './version';
export { applyFixes } from './fixes';
export { lintDispatch, renderBody, type DispatchLint, type RenderedValue, type Rendering, type ValueFinding } from './dispatch';
export { resolveConfig } from './config';
export { rules, builtInRules } from './rules';
export { supportedLanguages, builtInLocales, localeFor, type LocaleData } from './locales';
export { InputError, wellFormedProblem, wellFormedProblems, type InputProblem } from './validate';
export { variablesValidator } from './sms/variables';
/** For adapters that validate their own inputs (with generated validators) and name each bad field as the engine does. */
export { problemsOf } from './validate';
export { templateSchema } from './schemas/template';
export { configSchema } from './schemas/config';
export { analyseText, type Placeholder, type TextAnalysis } from './text';
export type * from './types';
export { BARE_ORDER_FEATURE, TONE_OUTPUTS, type ToneOutput } from './core/tone';
export type { LinearModelData } from './model/linear';
/** For trainers: a model's features and weights to the file format, and back. */
export { encodeLinearModel, decodeLinearModel, type TrainedLinearModel } from './model/file';
export { SPAM_OUTPUTS } from './spam/reading';
/** For `npm run dictionary`: a language's words to the filter its locale data holds. */
export { buildWordFilter, wordKey, type WordFilterData } from './model/word-filter';
