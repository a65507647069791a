import type { Rule } from '../types';
import { directiveTone } from './directive-tone';
import { link } from './link';
import { missingConsequence } from './missing-consequence';
import { missingRationale } from './missing-rationale';
import { optOut } from './opt-out';
import { placeholder } from './placeholder';
import { senderId } from './sender-id';
import { sensitiveDataRequest } from './sensitive-data-request';
import { smsEncoding } from './sms-encoding';
import { smsSegments } from './sms-segments';

/** Every rule of smslint, by id, in alphabetical order: the one registry. */
export const rules: Record<string, Rule> = {
  'directive-tone': directiveTone,
  link,
  'missing-consequence': missingConsequence,
  'missing-rationale': missingRationale,
  'opt-out': optOut,
  placeholder,
  'sender-id': senderId,
  'sensitive-data-request': sensitiveDataRequest,
  'sms-encoding': smsEncoding,
  'sms-segments': smsSegments,
};
