#!/usr/bin/env node
/**
 * `npm run generate`: writes the files made from other sources (lib/build/generate.ts): the
 * validators of smslint's own schemas, after a change to a schema or to a rule's options,
 * and the look-alike table, after an update of unhomoglyph.
 */
import { writeFileSync } from 'node:fs';
import { generatedFiles } from '../lib/build/generate';
import { absolutePath } from '../lib/build/generated-file';

for (const file of generatedFiles()) {
  writeFileSync(absolutePath(file), file.source);
  console.log(`wrote ${file.path}`);
}
