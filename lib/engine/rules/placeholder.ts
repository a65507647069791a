import { variablesInfo } from '../sms/variables';
import { defineRule } from '../types';

/** Letters, digits and `_`, not starting with a digit; dots between parts. */
const VALID_NAME = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/;

/** Placeholders that cannot be filled, or that reviewers refuse. */
export const placeholder = defineRule({
  meta: {
    id: 'placeholder',
    defaultSeverity: 'error',
    docs: {
      description:
        'Unbalanced braces, empty or invalid names, placeholders not declared in `variables`, declared variables never used, a placeholder at the very start or end, two placeholders side by side.',
      rationale:
        'A broken placeholder is sent as written; an undeclared one has no known length; WhatsApp template review refuses placeholders at the edges or side by side, and an empty value then leaves a broken message.',
      url: 'https://github.com/smslint/smslint/blob/main/docs/rules/placeholder.md',
    },
    messages: ['unclosed', 'unopened', 'closeIt', 'empty', 'invalidName', 'undeclared', 'declareIt', 'noVariables', 'unused', 'atStart', 'atEnd', 'addWords', 'adjacent', 'separate'],
    asWritten: true,
  },
  check(ctx) {
    const { placeholders, strayBraces } = ctx.text;
    for (const brace of strayBraces) {
      ctx.report({ start: brace.start, end: brace.end, messageId: brace.kind, suggestionId: 'closeIt' });
    }
    const variables = ctx.template.variables;
    if (placeholders.length === 0 && !variables) return;
    const info = variables ? variablesInfo(variables) : undefined;
    const used = new Set<string>();
    // Edges ignore surrounding white space: "{{name}}\n" still ends with the placeholder.
    const first = ctx.body.length - ctx.body.trimStart().length;
    const last = ctx.body.trimEnd().length;
    placeholders.forEach(({ start, end, name }, index) => {
      const data = { name };
      if (name === '') {
        ctx.report({ start, end, messageId: 'empty', suggestionId: 'closeIt' });
      } else if (!VALID_NAME.test(name)) {
        ctx.report({ start, end, messageId: 'invalidName', data, suggestionId: 'closeIt' });
      } else if (!info) {
        ctx.report({ start, end, messageId: 'noVariables', data, suggestionId: 'declareIt' });
      } else if (!info.schemaOf(name)) {
        ctx.report({ start, end, messageId: 'undeclared', data, suggestionId: 'declareIt' });
      }
      used.add(name);
      if (start === first) ctx.report({ start, end, messageId: 'atStart', suggestionId: 'addWords' });
      if (end === last) ctx.report({ start, end, messageId: 'atEnd', suggestionId: 'addWords' });
      const previous = placeholders[index - 1];
      if (previous && previous.end === start) {
        ctx.report({ start: previous.start, end, messageId: 'adjacent', suggestionId: 'separate' });
      }
    });
    for (const name of info?.declared ?? []) {
      if (!isUsed(name, used)) ctx.report({ start: 0, end: 0, messageId: 'unused', data: { name } });
    }
  },
});

/** `customer.firstName` counts as used by `{{customer.firstName}}` and by `{{customer}}`. */
function isUsed(name: string, used: ReadonlySet<string>): boolean {
  for (let dot = name.length; dot > 0; dot = name.lastIndexOf('.', dot - 1)) {
    if (used.has(name.slice(0, dot))) return true;
  }
  return false;
}
