/**
 * The compilers only a rare request needs: ajv's, for a template's `variables` and a custom
 * rule's options (`runtime-ajv.ts`), and RE2JS, for their patterns (`linear-pattern.ts`).
 * Both require them through this one module, on first need, so that a Lambda bundle leaves
 * it out and carries it as a file of its own beside the handler (lib/service/bundling.ts):
 * a cold start does not load what most requests never run.
 */
export { default as Ajv2020 } from 'ajv/dist/2020';
export { RE2JS } from 're2js';
