import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import type { FromSchema } from 'json-schema-to-ts';

/** One line of a labelled corpus (the format of shared/corpus, spec: checks.md, "The labelled corpus"). */
export const labelledTemplateSchema = {
  type: 'object',
  required: ['locale', 'category', 'body', 'labels'],
  properties: {
    id: { type: 'string' },
    locale: { type: 'string' },
    category: { type: 'string', enum: ['transactional', 'promotional'] },
    sender: { type: 'string' },
    body: { type: 'string' },
    labels: {
      type: 'object',
      additionalProperties: false,
      required: ['cta', 'directive', 'rationale', 'consequence'],
      properties: {
        cta: { type: 'boolean' },
        directive: { type: 'boolean' },
        rationale: { type: ['boolean', 'null'] },
        consequence: { type: ['boolean', 'null'] },
      },
    },
    note: { type: 'string' },
  },
} as const;

export type LabelledTemplate = FromSchema<typeof labelledTemplateSchema>;

/** Reads a JSONL corpus, refusing a bad line with its number and field. */
export function readCorpus(path: string): LabelledTemplate[] {
  const validate = new Ajv2020({ allErrors: true }).compile<LabelledTemplate>(labelledTemplateSchema);
  const items: LabelledTemplate[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (line.trim() === '') return;
      let item: unknown;
      try {
        item = JSON.parse(line);
      } catch {
        throw new Error(`${path}:${index + 1}: not JSON`);
      }
      if (!validate(item)) {
        const error = validate.errors![0];
        throw new Error(`${path}:${index + 1}: ${error.instancePath || '(line)'} ${error.message}`);
      }
      items.push(item);
    });
  return items;
}

/** The language part of a locale: `fr` for `fr-FR`. */
export function languageOf(item: { locale: string }): string {
  return item.locale.split('-')[0];
}

/** What a check is expected to do on an item (spec: "The labelled corpus"). */
export const expectedFiring = {
  'directive-tone': (item: LabelledTemplate) => item.labels.directive,
  'missing-rationale': (item: LabelledTemplate) => item.labels.rationale === false,
  'missing-consequence': (item: LabelledTemplate) => item.labels.consequence === false,
} as const;

export type ToneCheck = keyof typeof expectedFiring;
export const TONE_CHECKS = Object.keys(expectedFiring) as ToneCheck[];
