import { generatedConfusables } from './confusables';
import type { GeneratedFile } from './generated-file';
import { generatedValidators } from './validators';

/** Every file `npm run generate` writes, each checked by test/build/generated.test.ts. */
export function generatedFiles(): GeneratedFile[] {
  return [...generatedValidators(), generatedConfusables()];
}
