import { applyFixes } from '../../lib/engine';
import { findingsOf, ruleTable } from './rule-table';

ruleTable('hidden-characters', {
  valid: [
    { body: 'Your parcel has shipped.' },
    // A joiner inside an emoji sequence is part of the emoji, as is a selector after one.
    { body: 'Our team 👩‍💻 is on it ❤️' },
    { locale: 'fr', body: 'Votre colis est arrivé\u00a0!' },
  ],
  invalid: [
    {
      body: 'Reply with your c\u200bard number',
      errors: [{ start: 17, end: 18, message: 'Hidden characters (U+200B) in the body', suggestion: 'Delete them.' }],
    },
    { body: 'Soft hy\u00adphen and a joiner\u2060here', errors: [{ start: 7, end: 8 }, { start: 25, end: 26 }] },
    { body: 'Pay \u202egnp.exe\u202c now', errors: [{ start: 4, end: 5, message: 'U+202E' }, { start: 12, end: 13, message: 'U+202C' }] },
    { body: 'Two\u200b\u200c\u200din a row\u2028line', errors: [{ start: 3, end: 6, message: 'U+200B U+200C U+200D' }, { start: 14, end: 15 }] },
    { locale: 'fr', body: '\ufeffVotre colis est arrivé.', errors: [{ start: 0, end: 1, message: 'Caractères cachés (U+FEFF)' }] },
  ],
});

describe('hidden-characters fixes', () => {
  it('deletes every hidden character and nothing else', () => {
    const body = 'Pay \u202egnp.exe\u202c now: c\u200bard, 👩‍💻';
    const { output } = applyFixes(body, findingsOf('hidden-characters', { body }));
    expect(output).toBe('Pay gnp.exe now: card, 👩‍💻');
  });
});
