import { linearPatternProblem } from '../linear-pattern';
import { runtimeAjv } from '../runtime-ajv';
import { variablesSchema } from '../schemas/validators.generated';
import { InputError, problemsOf, type InputProblem, type ValidateFunction } from '../validate';
import { EXTENSION_SEPTETS, fitsGsm7, isGsm7Basic, isGsm7Extension, septetsOf } from './charset';

/**
 * What a placeholder can cost once filled, from its variable's schema. `undefined` bounds
 * mean the schema sets none.
 */
export interface ValueBound {
  /** Most septets the value takes when it fits GSM-7. */
  septets?: number;
  /** Most UTF-16 units the value takes. */
  units?: number;
  /** The schema lets the value hold a character outside GSM-7, which turns the message UCS-2. */
  mayBeUcs2: boolean;
}

/** A template's `variables` schema, compiled once and indexed by placeholder name. */
export interface VariablesInfo {
  /** The schema of a dotted name (`customer.firstName`), undefined when not declared. */
  schemaOf(name: string): Record<string, unknown> | undefined;
  boundOf(name: string): ValueBound;
  /** Declared leaf names (dotted), the ones a body is expected to use. */
  readonly declared: readonly string[];
}

/** Bounds on a `variables` schema: enough for any template, small enough to check in microseconds. */
const MAX_DEPTH = 64;
const MAX_NODES = 1000;
/** A character class range wider than this is not checked char by char: taken as "may be UCS-2". */
const MAX_RANGE = 1024;
/** Formats whose values are plain ASCII without extension characters in practice. */
const GSM7_FORMATS = new Set(['date', 'time', 'date-time', 'duration', 'uuid', 'ipv4', 'ipv6', 'email', 'hostname', 'uri', 'uri-reference', 'iri']);
/** Keywords whose value is a schema (or, for `items`, an array of schemas in draft-07). */
const SCHEMA_KEYWORDS = new Set([
  'not', 'if', 'then', 'else', 'items', 'additionalItems', 'contains', 'additionalProperties', 'propertyNames',
  'unevaluatedItems', 'unevaluatedProperties', 'contentSchema', 'allOf', 'anyOf', 'oneOf', 'prefixItems',
]);
/** Keywords whose value maps names to schemas: the names are data (a property may be named `enum`). */
const SCHEMA_MAP_KEYWORDS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'dependencies']);

const cache = new WeakMap<object, VariablesInfo>();

/**
 * Checks a template's `variables` schema (once per object) and indexes it. Throws an
 * `InputError` naming the bad field under `/variables`.
 *
 * Linting never compiles the schema (ajv's compile time grows fast with a schema's size);
 * instead: a size bound, the JSON Schema 2020-12 meta-schema (with the engine's ajv, whose
 * meta-schema validator is already built), patterns that the linear-time engine values are
 * checked with can run, and `$ref`s that stay inside the document (none is ever fetched).
 * `$schema` is ignored: a draft-07 schema of plain properties reads the same under 2020-12.
 */
export function variablesInfo(variables: object): VariablesInfo {
  let info = cache.get(variables);
  if (!info) {
    const problems = schemaProblems(variables as Record<string, unknown>);
    if (problems.length > 0) throw new InputError('template', problems);
    info = indexVariables(variables as Record<string, unknown>);
    cache.set(variables, info);
  }
  return info;
}

const validators = new WeakMap<object, ValidateFunction>();

/**
 * The validator of a template's values, from its `variables` (checked by `variablesInfo`
 * first): compiled once per schema object, its patterns run by RE2JS, so in time linear
 * in the value whatever they are.
 *
 * @example
 * variablesValidator({ type: 'object', properties: { code: { type: 'string', pattern: '^(a|a)*$' } } })({ code: 'a'.repeat(10000) }) // true, at once
 */
export function variablesValidator(variables: object): ValidateFunction {
  let validate = validators.get(variables);
  if (!validate) {
    variablesInfo(variables);
    const { $schema: _ignored, ...schema } = variables as Record<string, unknown>;
    const ajv = runtimeAjv();
    try {
      validate = ajv.compile(schema);
    } catch (error) {
      throw new InputError('template', [{ path: '/variables', message: `is not a usable JSON Schema: ${error instanceof Error ? error.message : String(error)}` }]);
    } finally {
      // Forgotten by `$id`, so that another template may use the same one.
      ajv.removeSchema(schema);
    }
    validators.set(variables, validate);
  }
  return validate;
}

interface Visit {
  value: unknown;
  path: string;
  depth: number;
  /** The value sits where a schema goes (so its `pattern` is a pattern), not where data does. */
  schema: boolean;
}

function schemaProblems(variables: Record<string, unknown>): InputProblem[] {
  const problems: InputProblem[] = [];
  // Iterative walk with an explicit stack: no recursion for a hostile depth to overflow.
  // Every object counts toward the size bound; only schema positions are read as schemas.
  const stack: Visit[] = [{ value: variables, path: '/variables', depth: 0, schema: true }];
  const refTargets: string[] = [];
  let nodes = 1;
  const push = (value: unknown, path: string, depth: number, schema: boolean): boolean => {
    if (typeof value !== 'object' || value === null) return true;
    // Counted when found, so a huge object is refused before it is walked.
    if (++nodes > MAX_NODES || depth > MAX_DEPTH) return false;
    stack.push({ value, path, depth, schema });
    return true;
  };
  while (stack.length > 0) {
    const { value, path, depth, schema } = stack.pop()!;
    for (const [key, child] of Object.entries(value as object)) {
      const childPath = `${path}/${escapePointer(key)}`;
      let fits = true;
      if (!schema || Array.isArray(value)) {
        fits = push(child, childPath, depth + 1, false);
      } else if (key === 'pattern' && typeof child === 'string') {
        const problem = linearPatternProblem(child);
        if (problem) problems.push({ path: childPath, message: problem });
      } else if ((key === '$ref' || key === '$dynamicRef') && typeof child === 'string') {
        if (!child.startsWith('#')) problems.push({ path: childPath, message: 'refers to another document: variables must be self-contained' });
        else if (child.startsWith('#/')) refTargets.push(child.slice(1));
      } else if (SCHEMA_MAP_KEYWORDS.has(key) && isObject(child)) {
        fits = push(child, childPath, depth + 1, false);
        for (const [name, subschema] of Object.entries(child)) {
          if (key === 'patternProperties') {
            const problem = linearPatternProblem(name);
            if (problem) problems.push({ path: `${childPath}/${escapePointer(name)}`, message: problem });
          }
          fits &&= push(subschema, `${childPath}/${escapePointer(name)}`, depth + 2, true);
        }
      } else if (SCHEMA_KEYWORDS.has(key)) {
        fits = push(child, childPath, depth + 1, !Array.isArray(child));
        if (Array.isArray(child)) child.forEach((item, index) => (fits &&= push(item, `${childPath}/${index}`, depth + 2, true)));
      } else {
        // `enum`, `const`, `default`, `examples`, annotations, unknown keywords: data.
        fits = push(child, childPath, depth + 1, false);
      }
      if (!fits) return [{ path: '/variables', message: `is too large (at most ${MAX_NODES} objects and ${MAX_DEPTH} levels of nesting)` }];
    }
  }
  problems.push(...refTargetProblems(variables, refTargets));
  const { $schema: _ignored, ...schema } = variables;
  if (!variablesSchema(schema)) {
    problems.push(...problemsOf(variablesSchema.errors).map((problem) => ({ path: `/variables${problem.path}`, message: problem.message })));
  }
  return problems;
}

/**
 * A `$ref` may point anywhere in the document, data positions included (`#/enum/0`), and
 * ajv then compiles what it finds as a schema: each target's patterns are checked too.
 */
function refTargetProblems(variables: Record<string, unknown>, pointers: readonly string[]): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const pointer of new Set(pointers)) {
    let target: unknown = variables;
    for (const token of pointer.split('/').slice(1)) {
      const key = decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~');
      target = isObject(target) || Array.isArray(target) ? (target as Record<string, unknown>)[key] : undefined;
    }
    if (!isObject(target) || typeof target.pattern !== 'string') continue;
    const problem = linearPatternProblem(target.pattern);
    if (problem) problems.push({ path: `/variables${pointer}/pattern`, message: problem });
  }
  return problems;
}

function indexVariables(root: Record<string, unknown>): VariablesInfo {
  const bounds = new Map<string, ValueBound>();
  const schemaOf = (name: string): Record<string, unknown> | undefined => {
    let schema: Record<string, unknown> | undefined = root;
    for (const key of name.split('.')) {
      const properties = schema?.properties;
      if (!isObject(properties) || !Object.hasOwn(properties, key) || !isObject(properties[key])) return undefined;
      schema = properties[key] as Record<string, unknown>;
    }
    return schema;
  };
  return {
    schemaOf,
    boundOf(name) {
      let bound = bounds.get(name);
      if (!bound) {
        const schema = schemaOf(name);
        // Undeclared: `placeholder` reports it; here it counts as written, in GSM-7.
        bound = schema ? boundOf(schema) : { mayBeUcs2: false };
        bounds.set(name, bound);
      }
      return bound;
    },
    declared: leafNames(root, '', 0),
  };
}

function leafNames(schema: Record<string, unknown>, prefix: string, depth: number): string[] {
  const properties = schema.properties;
  if (!isObject(properties) || depth >= MAX_DEPTH) return prefix ? [prefix.slice(0, -1)] : [];
  const names = Object.entries(properties).flatMap(([key, child]) =>
    isObject(child) ? leafNames(child as Record<string, unknown>, `${prefix}${key}.`, depth + 1) : [`${prefix}${key}`],
  );
  return names.length > 0 || !prefix ? names : [prefix.slice(0, -1)];
}

/**
 * The worst case of one value, read from its schema:
 * - `const`/`enum`: the longest value, each checked exactly against GSM-7;
 * - `integer`/`number`/`boolean`: GSM-7 (digits, sign, point, exponent; true/false), as long as
 *   the longest of `minimum`/`maximum` when both are given;
 * - a string with a GSM-7 `format` (date, email, uri, uuid ...): GSM-7, one septet a character;
 * - a string whose `pattern` is a simple anchored sequence of character classes and literals
 *   (`^[0-9]{6}$`, `^[A-Z]{2}\d+$`): GSM-7 when every allowed character is, length from the quantifiers;
 * - any other string may hold any character: it may be UCS-2.
 * The length is `maxLength` when set (the smaller of it and the pattern's bound).
 */
function boundOf(schema: Record<string, unknown>): ValueBound {
  const values = Array.isArray(schema.enum) ? schema.enum : 'const' in schema ? [schema.const] : undefined;
  if (values) {
    const texts = values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value) ?? ''));
    const mayBeUcs2 = !texts.every(fitsGsm7);
    return {
      mayBeUcs2,
      units: texts.reduce((max, text) => Math.max(max, text.length), 0),
      septets: mayBeUcs2 ? undefined : texts.reduce((max, text) => Math.max(max, septetsOf(text)), 0),
    };
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : undefined;
  if (types.every((type) => type === 'integer' || type === 'number' || type === 'boolean')) {
    const length = numberLength(schema) ?? (types.includes('boolean') && types.length === 1 ? 5 : undefined);
    // Digits, sign, point, exponent, true/false: all in the GSM-7 basic table.
    return { mayBeUcs2: false, units: length, septets: length };
  }
  if (typeof schema.format === 'string' && GSM7_FORMATS.has(schema.format)) {
    return { mayBeUcs2: false, units: maxLength, septets: maxLength };
  }
  const pattern = typeof schema.pattern === 'string' ? parseSimplePattern(schema.pattern) : undefined;
  if (pattern) {
    const length = minDefined(maxLength, pattern.maxLength);
    return {
      mayBeUcs2: false,
      units: length,
      septets: length === undefined ? undefined : length * (pattern.extension ? EXTENSION_SEPTETS : 1),
    };
  }
  // maxLength counts code points: a value of emoji could take twice as many UTF-16 units.
  // Counting one unit a character keeps the bound useful for names and such; say so in docs.
  return { mayBeUcs2: true, units: maxLength };
}

function numberLength(schema: Record<string, unknown>): number | undefined {
  const { minimum, maximum } = schema;
  if (typeof minimum !== 'number' || typeof maximum !== 'number') return undefined;
  return Math.max(String(minimum).length, String(maximum).length);
}

function minDefined(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

interface SimplePattern {
  /** Longest match; undefined when a quantifier is unbounded. */
  maxLength?: number;
  /** Some allowed character is in the GSM-7 extension table. */
  extension: boolean;
}

const DIGITS = '0123456789';
const WORD = `${DIGITS}ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_`;

/**
 * Reads `^(atom quantifier?)*$` where an atom is a character class without negation, `\d`,
 * `\w`, an escaped or plain literal; anything else (groups, alternation, `.`, `\s`, `\p`)
 * returns undefined. Returns undefined too when an allowed character is outside GSM-7.
 * One pass over the pattern, which is never run as a regex here.
 */
export function parseSimplePattern(pattern: string): SimplePattern | undefined {
  if (!pattern.startsWith('^') || !pattern.endsWith('$') || pattern.endsWith('\\$')) return undefined;
  const source = pattern.slice(1, -1);
  let maxLength: number | undefined = 0;
  let extension = false;
  let i = 0;
  while (i < source.length) {
    const atom = readAtom(source, i);
    if (!atom) return undefined;
    for (const char of atom.chars) {
      if (isGsm7Extension(char)) extension = true;
      else if (!isGsm7Basic(char)) return undefined;
    }
    const quantifier = readQuantifier(source, atom.next);
    if (!quantifier) return undefined;
    maxLength = maxLength === undefined || quantifier.max === undefined ? undefined : maxLength + quantifier.max;
    i = quantifier.next;
  }
  return { maxLength, extension };
}

function readAtom(source: string, i: number): { chars: string[]; next: number } | undefined {
  const c = source[i];
  if (c === '\\') {
    const escaped = escapeChars(source[i + 1]);
    return escaped === undefined ? undefined : { chars: [...escaped], next: i + 2 };
  }
  if (c === '[') return readClass(source, i + 1);
  if ('().|*+?{}$^'.includes(c)) return undefined;
  return { chars: [c], next: i + 1 };
}

function readClass(source: string, start: number): { chars: string[]; next: number } | undefined {
  if (source[start] === '^') return undefined;
  const chars: string[] = [];
  let i = start;
  while (i < source.length && source[i] !== ']') {
    let first: string | undefined;
    if (source[i] === '\\') {
      const escaped = escapeChars(source[i + 1]);
      if (escaped === undefined) return undefined;
      if (escaped.length > 1) {
        chars.push(...escaped);
        i += 2;
        continue;
      }
      first = escaped;
      i += 2;
    } else {
      first = source[i];
      i += 1;
    }
    if (source[i] === '-' && i + 1 < source.length && source[i + 1] !== ']') {
      const last = source[i + 1] === '\\' ? escapeChars(source[i + 2]) : source[i + 1];
      if (last === undefined || last.length !== 1) return undefined;
      const from = first.codePointAt(0)!;
      const to = last.codePointAt(0)!;
      if (to < from || to - from > MAX_RANGE) return undefined;
      for (let code = from; code <= to; code++) chars.push(String.fromCodePoint(code));
      i += source[i + 1] === '\\' ? 3 : 2;
    } else {
      chars.push(first);
    }
  }
  return i < source.length ? { chars, next: i + 1 } : undefined;
}

/** The characters an escape stands for; undefined for escapes this reader does not take. */
function escapeChars(c: string | undefined): string | undefined {
  if (c === undefined) return undefined;
  if (c === 'd') return DIGITS;
  if (c === 'w') return WORD;
  return /[A-Za-z0-9]/.test(c) ? undefined : c;
}

function readQuantifier(source: string, i: number): { max?: number; next: number } | undefined {
  const c = source[i];
  if (c === '+' || c === '*') return { max: undefined, next: i + 1 };
  if (c === '?') return { max: 1, next: i + 1 };
  if (c !== '{') return { max: 1, next: i };
  const close = source.indexOf('}', i);
  const match = close < 0 ? null : /^(\d+)(,(\d*))?$/.exec(source.slice(i + 1, close));
  if (!match) return undefined;
  const max = match[2] === undefined ? Number(match[1]) : match[3] === '' ? undefined : Number(match[3]);
  return { max, next: close + 1 };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
