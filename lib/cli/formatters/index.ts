import type { Formatter } from '../report';
import { json } from './json';
import { junit } from './junit';
import { sarif } from './sarif';
import { stylish } from './stylish';

/** Every report format, by its `--format` name. */
export const formatters: Record<string, Formatter> = { json, junit, sarif, stylish };
