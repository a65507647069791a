/** Digits of the country code kept visible, as the service's own mask keeps them (`+33`). */
const COUNTRY_DIGITS = 2;

/**
 * An international number as a sentence may show it: the country code, the first digit
 * (mobile or landline) and the last two, the rest as `•`, grouped in pairs from the end.
 *
 * @example maskedNumber('+33612345678') // '+33 6•• •• •• 78'
 */
export function maskedNumber(number: string): string {
  const digits = number.replace(/\D/g, '');
  const national = digits.slice(COUNTRY_DIGITS);
  if (national.length < 4) return `+${digits.slice(0, COUNTRY_DIGITS)} ${'•'.repeat(national.length)}`;
  const shown = national[0] + '•'.repeat(national.length - 3) + national.slice(-2);
  const groups: string[] = [];
  for (let end = shown.length; end > 0; end -= 2) groups.unshift(shown.slice(Math.max(0, end - 2), end));
  // A lone first digit joins the next pair, as numbers are written (`6 12` reads `612`).
  if (groups[0].length === 1) groups.splice(0, 2, groups[0] + groups[1]);
  return `+${digits.slice(0, COUNTRY_DIGITS)} ${groups.join(' ')}`;
}
