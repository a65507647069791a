import type { Rule } from '../types';

/** Every rule of smslint, by id, in alphabetical order: the one registry. */
export const rules: Record<string, Rule> = {};
