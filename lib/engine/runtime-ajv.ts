import type Ajv2020 from 'ajv/dist/2020';
import { linearRegExp } from './linear-pattern';

/**
 * The one ajv that compiles at run time, for the schemas only known then: a template's
 * `variables` (the values of a dispatch) and a custom rule's options. The engine's own
 * schemas are compiled at build time (`schemas/validators.generated.ts`), so a run that
 * lints never loads ajv's compiler: it is required on first need. Patterns run on RE2JS; the
 * meta-schema is not compiled again (`variablesInfo` checks schemas with the generated one).
 */
let ajv: Ajv2020 | undefined;

export function runtimeAjv(): Ajv2020 {
  if (!ajv) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- required on first need, not at load
    const { Ajv2020: Ajv } = require('./runtime-compilers') as typeof import('./runtime-compilers');
    ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, validateSchema: false, logger: false, code: { regExp: linearRegExp } });
  }
  return ajv;
}
