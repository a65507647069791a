import type { Rule } from '../types';
import { directiveTone } from './directive-tone';
import { missingConsequence } from './missing-consequence';
import { missingRationale } from './missing-rationale';

/** Every rule of smslint, by id, in alphabetical order: the one registry. */
export const rules: Record<string, Rule> = {
  'directive-tone': directiveTone,
  'missing-consequence': missingConsequence,
  'missing-rationale': missingRationale,
};
