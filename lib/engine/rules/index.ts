import type { Rule } from '../types';
import { directiveTone } from './directive-tone';
import { hiddenCharacters } from './hidden-characters';
import { link } from './link';
import { missingConsequence } from './missing-consequence';
import { missingRationale } from './missing-rationale';
import { optOut } from './opt-out';
import { placeholder } from './placeholder';
import { senderId } from './sender-id';
import { sensitiveDataRequest } from './sensitive-data-request';
import { smsEncoding } from './sms-encoding';
import { smsSegments } from './sms-segments';
import { spamLikeness } from './spam-likeness';

/** Every rule of smslint: each is named by its own `meta.id`. */
export const builtInRules: readonly Rule[] = [
  directiveTone,
  hiddenCharacters,
  link,
  missingConsequence,
  missingRationale,
  optOut,
  placeholder,
  senderId,
  sensitiveDataRequest,
  smsEncoding,
  smsSegments,
  spamLikeness,
] as Rule[];

/** The built-in rules by id: the registry `lint()` and the CLI use by default. */
export const rules: Record<string, Rule> = Object.fromEntries(builtInRules.map((rule) => [rule.meta.id, rule]));
