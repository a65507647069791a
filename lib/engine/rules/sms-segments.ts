import { formatMessage, type LocaleData } from '../locales';
import { measure, offsetBeyond, type Measurement } from '../sms/segments';
import variableKinds from '../sms/variable-kinds.json';
import type { RuleContext, Template } from '../types';
import { defineRule } from '../types';

type VariableKind = Exclude<keyof typeof variableKinds, '$comment'>;
const KINDS = Object.keys(variableKinds).filter((key) => key !== '$comment') as VariableKind[];

/** More segments at worst than the config allows for the template's category. */
export const smsSegments = defineRule({
  meta: {
    id: 'sms-segments',
    defaultSeverity: 'warning',
    docs: {
      description:
        'Counts SMS segments in the worst case (each placeholder at its maxLength, UCS-2 when a value may leave GSM-7, sender prefix included) against `segmentLimits`.',
      rationale:
        'Every segment is billed and long messages are read less; a placeholder can double the count once filled, and one non-GSM-7 value turns the whole message UCS-2.',
      url: 'https://github.com/smslint/smslint/blob/main/docs/rules/sms-segments.md',
    },
    messages: [
      'tooMany', 'shorten', 'transactional', 'promotional', 'boundedBy', 'ucs2By', 'unbounded', 'declareKinds', 'declaredAs', 'and',
      'kind.date', 'kind.time', 'kind.amount', 'kind.code', 'kind.phone', 'kind.link',
    ],
    asWritten: true,
  },
  check(ctx) {
    const limit = ctx.config.segmentLimits[ctx.category];
    const measurement = ctx.measurement();
    if (measurement.segments <= limit) return;
    const texts = ctx.locale.messages['sms-segments'];
    const part = (id: 'boundedBy' | 'ucs2By' | 'unbounded') =>
      measurement[id].length > 0
        ? formatMessage(texts[id], { names: measurement[id].map((name) => `{{${name}}}`).join(', '), count: measurement[id].length }, ctx.language)
        : '';
    ctx.report({
      start: offsetBeyond(ctx.text, ctx.template, measurement, limit),
      end: ctx.body.length,
      messageId: 'tooMany',
      data: {
        segments: measurement.segments,
        length: measurement.length,
        encoding: measurement.encoding,
        limit,
        category: texts[ctx.category],
        details: part('boundedBy') + part('ucs2By') + part('unbounded'),
      },
      ...declarationsFor(ctx, measurement, limit),
    });
  },
});

/**
 * When variables that may leave GSM-7 are what pushes the count over, and their names say
 * what they hold (a date, an amount…), the suggestion is to declare them as such, with a
 * schema that proves them GSM-7: measured, never guessed, so it is only offered when it fits.
 */
function declarationsFor(ctx: RuleContext, measurement: Measurement, limit: number): { suggestionId: 'shorten' } | { suggestion: string } {
  const properties = (ctx.template.variables as { properties?: Record<string, Record<string, unknown>> } | undefined)?.properties;
  const kinds = new Map<string, VariableKind>();
  for (const name of measurement.ucs2By) {
    const kind = kindOf(name, ctx.locale);
    if (kind && properties?.[name]) kinds.set(name, kind);
  }
  if (kinds.size === 0 || kinds.size < measurement.ucs2By.length) return { suggestionId: 'shorten' };
  const declared: Template = { ...ctx.template, variables: { ...ctx.template.variables, properties: { ...properties } } };
  const declaredProperties = (declared.variables as { properties: Record<string, unknown> }).properties;
  for (const [name, kind] of kinds) declaredProperties[name] = { ...variableKinds[kind], maxLength: Math.min(Number(properties![name].maxLength ?? Infinity), variableKinds[kind].maxLength) };
  const segments = measure(ctx.text, declared, ctx.config).segments;
  if (segments > limit) return { suggestionId: 'shorten' };
  const texts = ctx.locale.messages['sms-segments'];
  const declarations = [...kinds].map(([name, kind]) =>
    formatMessage(texts.declaredAs, { name: `{{${name}}}`, kind: texts[`kind.${kind}`], schema: JSON.stringify(declaredProperties[name]) }, ctx.language),
  );
  return { suggestion: formatMessage(texts.declareKinds, { declarations: declarations.join(texts.and), segments }, ctx.language) };
}

/** The kind a variable's name says it holds: one of its words (`delivery_date`, `montantTotal`) is a kind's name. */
function kindOf(name: string, locale: LocaleData): VariableKind | undefined {
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u);
  const names = locale.sms.variableKinds as Record<VariableKind, string[]>;
  return KINDS.find((kind) => names[kind].some((word) => words.includes(word)));
}
