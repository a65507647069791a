#!/usr/bin/env node
/**
 * `npm run validators`: writes the validators of smslint's own schemas as code
 * (lib/build/validators.ts), after a change to a schema or to a rule's options.
 */
import { writeFileSync } from 'node:fs';
import { absolutePath, generatedValidators } from '../lib/build/validators';

for (const file of generatedValidators()) {
  writeFileSync(absolutePath(file), file.source);
  console.log(`wrote ${file.path}`);
}
