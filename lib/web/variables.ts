import { element } from './dom';
import { format, type Strings } from './strings';

export interface Variable {
  name: string;
  maxLength?: number;
}

/** The template's `variables` JSON Schema: one required string property per declared variable. */
export function variablesSchema(variables: readonly Variable[]): Record<string, unknown> | undefined {
  if (variables.length === 0) return undefined;
  const properties = Object.fromEntries(
    variables.map(({ name, maxLength }) => [name, maxLength === undefined ? { type: 'string' } : { type: 'string', maxLength }]),
  );
  return { type: 'object', properties, required: variables.map(({ name }) => name) };
}

/** The variables of a stored template's schema, as the form shows them (top-level properties). */
export function variablesOf(schema: Record<string, unknown> | undefined): Variable[] {
  const properties = schema?.properties;
  if (typeof properties !== 'object' || properties === null) return [];
  return Object.entries(properties as Record<string, { maxLength?: unknown }>).map(([name, property]) =>
    typeof property?.maxLength === 'number' ? { name, maxLength: property.maxLength } : { name },
  );
}

/**
 * The "Variables" form: one row (name, maximum length, remove button) per variable.
 * `onChange` runs after every edit; `declared()` reads the rows with a name.
 */
export function createVariablesForm(list: HTMLElement, addButton: HTMLButtonElement, strings: Strings, onChange: () => void) {
  let nextRow = 0;
  const rows: { item: HTMLLIElement; name: HTMLInputElement; maxLength: HTMLInputElement }[] = [];

  function addRow(variable: Variable = { name: '' }): HTMLInputElement {
    const id = `variable-${nextRow++}`;
    const item = element('li', 'variable-row');
    const name = element('input', undefined, undefined, { id: `${id}-name`, type: 'text', autocomplete: 'off', spellcheck: 'false', pattern: '[A-Za-z_][\\w.]*' });
    const maxLength = element('input', undefined, undefined, { id: `${id}-max`, type: 'number', min: '1', max: '1600', inputmode: 'numeric' });
    const remove = element('button', 'secondary remove', '×', { type: 'button' });
    name.value = variable.name;
    if (variable.maxLength !== undefined) maxLength.value = String(variable.maxLength);
    const labelRemove = () => remove.setAttribute('aria-label', format(strings.removeVariable, { name: name.value.trim() }));
    labelRemove();
    name.addEventListener('input', labelRemove);
    const row = { item, name, maxLength };
    remove.addEventListener('click', () => {
      rows.splice(rows.indexOf(row), 1);
      item.remove();
      addButton.focus();
      onChange();
    });
    item.append(
      field(element('label', undefined, strings.variableName, { for: name.id }), name),
      field(element('label', undefined, strings.variableMaxLength, { for: maxLength.id }), maxLength),
      remove,
    );
    for (const input of [name, maxLength]) input.addEventListener('input', onChange);
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
      return rows.flatMap(({ name, maxLength }) => {
        const trimmed = name.value.trim();
        if (!trimmed) return [];
        const limit = Number.parseInt(maxLength.value, 10);
        return [Number.isInteger(limit) && limit > 0 ? { name: trimmed, maxLength: limit } : { name: trimmed }];
      });
    },
  };
}

function field(label: HTMLLabelElement, input: HTMLInputElement): HTMLDivElement {
  const wrapper = element('div', 'field');
  wrapper.append(label, input);
  return wrapper;
}
