import variableKinds from '../engine/sms/variable-kinds.json';
import { element } from './dom';
import { format, type Strings } from './strings';

/**
 * What a variable holds, as a marketer picks it. Each but free text becomes a schema the
 * engine can prove GSM-7 (so the meter need not assume UCS-2): the engine's own kinds where
 * it has one (the schemas its sms-segments suggestion offers), digits, or a list of values.
 */
export const VARIABLE_KINDS = ['text', 'digits', 'amount', 'date', 'time', 'phone', 'link', 'list'] as const;
export type VariableKind = (typeof VARIABLE_KINDS)[number];

type EngineKind = Exclude<keyof typeof variableKinds, '$comment'>;
const ENGINE_KINDS: readonly VariableKind[] = VARIABLE_KINDS.filter((kind): kind is VariableKind & EngineKind => kind in variableKinds);
const DIGITS_PATTERN = '^[0-9]+$';

export interface Variable {
  name: string;
  kind: VariableKind;
  maxLength?: number;
  /** The values of a `list` variable. */
  values?: string[];
}

/**
 * The JSON Schema of one variable: `pattern`, `format` or `enum` for its kind, plus
 * `maxLength` (the one typed, else the engine kind's own bound, else the longest listed value).
 */
export function variableSchema({ kind, maxLength, values }: Variable): Record<string, unknown> {
  const bounded = (schema: Record<string, unknown>) => (maxLength === undefined ? schema : { ...schema, maxLength });
  if (kind === 'list' && values?.length) return { type: 'string', enum: values, maxLength: maxLength ?? Math.max(...values.map((value) => value.length)) };
  if (kind === 'digits') return bounded({ type: 'string', pattern: DIGITS_PATTERN });
  // A list with no value yet holds anything, as free text does.
  if (kind === 'text' || kind === 'list') return bounded({ type: 'string' });
  return bounded({ ...variableKinds[kind as EngineKind] });
}

/** The template's `variables` JSON Schema: one required string property per declared variable. */
export function variablesSchema(variables: readonly Variable[]): Record<string, unknown> | undefined {
  if (variables.length === 0) return undefined;
  const properties = Object.fromEntries(variables.map((variable) => [variable.name, variableSchema(variable)]));
  return { type: 'object', properties, required: variables.map(({ name }) => name) };
}

/** The variables of a stored template's schema, as the form shows them (top-level properties). */
export function variablesOf(schema: Record<string, unknown> | undefined): Variable[] {
  const properties = schema?.properties;
  if (typeof properties !== 'object' || properties === null) return [];
  return Object.entries(properties as Record<string, Record<string, unknown> | undefined>).map(([name, property]) => {
    const kind = kindOf(property ?? {});
    const variable: Variable = { name, kind };
    if (typeof property?.maxLength === 'number') variable.maxLength = property.maxLength;
    if (kind === 'list') variable.values = (property!.enum as unknown[]).map(String);
    return variable;
  });
}

function kindOf(property: Record<string, unknown>): VariableKind {
  if (Array.isArray(property.enum)) return 'list';
  if (property.pattern === DIGITS_PATTERN) return 'digits';
  const engineKind = ENGINE_KINDS.find((kind) => {
    const schema = variableKinds[kind as EngineKind] as { pattern?: string; format?: string };
    return schema.pattern === property.pattern && schema.format === property.format;
  });
  return engineKind ?? 'text';
}

interface Row {
  item: HTMLLIElement;
  name: HTMLInputElement;
  kind: HTMLSelectElement;
  maxLength: HTMLInputElement;
  values: HTMLInputElement;
}

/**
 * The "Variables" form: one row (name, kind, maximum length, the values of a list, remove
 * button) per variable. `onChange` runs after every edit; `declared()` reads the rows with a name.
 */
export function createVariablesForm(list: HTMLElement, addButton: HTMLButtonElement, strings: Strings, onChange: () => void) {
  let nextRow = 0;
  const rows: Row[] = [];

  function addRow(variable: Variable = { name: '', kind: 'text' }): HTMLInputElement {
    const id = `variable-${nextRow++}`;
    const item = element('li', 'variable-row');
    const name = element('input', undefined, undefined, { id: `${id}-name`, type: 'text', autocomplete: 'off', spellcheck: 'false', pattern: '[A-Za-z_][\\w.]*' });
    const kind = element('select', undefined, undefined, { id: `${id}-kind` });
    for (const option of VARIABLE_KINDS) kind.add(new Option(strings[`kind_${option}`], option));
    const maxLength = element('input', undefined, undefined, { id: `${id}-max`, type: 'number', min: '1', max: '1600', inputmode: 'numeric' });
    const values = element('input', undefined, undefined, { id: `${id}-values`, type: 'text', autocomplete: 'off' });
    const remove = element('button', 'secondary remove', '×', { type: 'button' });
    name.value = variable.name;
    kind.value = variable.kind;
    if (variable.maxLength !== undefined) maxLength.value = String(variable.maxLength);
    values.value = (variable.values ?? []).join(', ');
    const valuesField = field(element('label', undefined, strings.variableValues, { for: values.id }), values);
    const showKind = () => {
      valuesField.hidden = kind.value !== 'list';
      // The bound the kind brings when no length is typed, shown where the length goes.
      const schema = variableSchema({ name: '', kind: kind.value as VariableKind, values: [] });
      maxLength.placeholder = kind.value === 'list' || schema.maxLength === undefined ? '' : String(schema.maxLength);
    };
    const labelRemove = () => remove.setAttribute('aria-label', format(strings.removeVariable, { name: name.value.trim() }));
    showKind();
    labelRemove();
    name.addEventListener('input', labelRemove);
    kind.addEventListener('change', showKind);
    const row = { item, name, kind, maxLength, values };
    remove.addEventListener('click', () => {
      rows.splice(rows.indexOf(row), 1);
      item.remove();
      addButton.focus();
      onChange();
    });
    item.append(
      field(element('label', undefined, strings.variableName, { for: name.id }), name),
      field(element('label', undefined, strings.variableKind, { for: kind.id }), kind),
      field(element('label', undefined, strings.variableMaxLength, { for: maxLength.id }), maxLength),
      valuesField,
      remove,
    );
    for (const input of [name, maxLength, values]) input.addEventListener('input', onChange);
    kind.addEventListener('change', onChange);
    rows.push(row);
    list.append(item);
    return name;
  }

  addButton.addEventListener('click', () => {
    addRow().focus();
    onChange();
  });

  return {
    /** Shows these variables instead of the current rows. */
    replace(variables: readonly Variable[]): void {
      for (const row of rows.splice(0)) row.item.remove();
      for (const variable of variables) addRow(variable);
      onChange();
    },
    declared(): Variable[] {
      return rows.flatMap(({ name, kind, maxLength, values }) => {
        const trimmed = name.value.trim();
        if (!trimmed) return [];
        const variable: Variable = { name: trimmed, kind: kind.value as VariableKind };
        const limit = Number.parseInt(maxLength.value, 10);
        if (Number.isInteger(limit) && limit > 0) variable.maxLength = limit;
        if (variable.kind === 'list') variable.values = values.value.split(',').map((value) => value.trim()).filter(Boolean);
        return [variable];
      });
    },
  };
}

function field(label: HTMLLabelElement, input: HTMLInputElement | HTMLSelectElement): HTMLDivElement {
  const wrapper = element('div', 'field');
  wrapper.append(label, input);
  return wrapper;
}
