/** `+33612345678` → `+33*******78`: the country code and the last two digits, for support. */
export function maskPhoneNumber(number: string): string {
  return number.slice(0, 3) + '*'.repeat(Math.max(0, number.length - 5)) + number.slice(-2);
}
