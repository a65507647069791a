import { ruleTable } from './rule-table';

ruleTable('sender-id', {
  valid: [
    { sender: 'Telvo', body: 'Telvo: your bill is ready.' },
    { sender: 'Telvo', body: 'Your TELVO bill is ready.' },
    // No sender declared: nothing to compare.
    { body: 'Your bill is ready.' },
    { sender: 'Cinéflix', body: 'CINEFLIX : votre abonnement est renouvelé.', locale: 'fr' },
    { sender: 'Lumina Énergie', body: 'Lumina energie : votre facture est disponible.', locale: 'fr' },
    // Named in the prefix the platform adds.
    { sender: 'Telvo', body: 'Your bill is ready.', config: { senderPrefix: '{sender}: ' } },
    { sender: 'Telvo', body: 'Your bill is ready.', config: { senderPrefix: 'TELVO - ' } },
    // Compatibility forms fold by NFKC: full-width letters name the brand.
    { sender: 'Telvo', body: 'Ｔｅｌｖｏ: your bill is ready.' },
  ],
  invalid: [
    {
      sender: 'Telvo',
      body: 'Your bill is ready.',
      errors: [
        {
          start: 0,
          end: 0,
          message: 'The message does not name Telvo: people act on a message only when they know who sent it',
          suggestion: 'Start with "Telvo: ".',
        },
      ],
    },
    { sender: 'Telvo', locale: 'fr', body: 'Votre facture est prête.', errors: [{ start: 0, end: 0, message: 'Le message ne nomme pas Telvo', suggestion: 'Commencez par « Telvo : ».' }] },
    // Cyrillic е and о in the name.
    {
      sender: 'Telvo',
      body: 'Tеlvо: your bill is ready.',
      errors: [{ start: 0, end: 5, message: '"Tеlvо" spells Telvo with look-alike or invisible characters', suggestion: 'Telvo' }],
    },
    // A zero-width space inside the name, even beside a plain mention.
    { sender: 'Telvo', body: 'Tel\u200bvo: pay at telvo.uk', errors: [{ start: 0, end: 6 }] },
    // Offsets map back past accents, emoji and a full-width name before the spoofed one.
    { sender: 'Telvo', locale: 'fr', body: 'Réduction chez Tеlvo', errors: [{ start: 15, end: 20 }] },
    { sender: 'Telvo', body: '😀 Ｔｅｌｖｏ and Tеlvo', errors: [{ start: 13, end: 18 }] },
    // Greek omicron.
    { sender: 'Orange', locale: 'fr', body: 'Orangе : vοtre facture', errors: [{ start: 0, end: 6, message: 'avec des caractères sosies ou invisibles' }] },
    { sender: 'Telvo', body: 'Your bill is ready.', config: { senderPrefix: 'Info: ' }, errors: [{ start: 0, end: 0 }] },
  ],
});
