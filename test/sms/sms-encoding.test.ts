import { ruleTable } from './rule-table';

ruleTable('sms-encoding', {
  valid: [
    { body: 'Your parcel arrives tomorrow between 9:00 and 12:00. Questions? Call 0800 123 456.' },
    { body: 'Price: 20€ [incl. VAT] {{ref}} ~ ^ | \\', variables: { type: 'object', properties: { ref: { type: 'string' } } } },
    { locale: 'fr', body: 'Votre colis arrive à 14h. Délai dépassé ? Appelez-nous : ÉÇàèéùìò ÄÖÑÜäöñü ¿¡ £$¥§' },
    // A placeholder is judged by its schema (in sms-segments), never by its name.
    { locale: 'fr', body: 'Bonjour {{ prénom }}, à bientôt'.replace('ô', 'o') },
  ],
  invalid: [
    {
      body: 'We’re on our way',
      errors: [{ start: 2, end: 3, message: '"’" is not in the GSM-7 alphabet', suggestion: 'Write "\'" instead.' }],
    },
    {
      body: 'Sale – today… only',
      errors: [
        { start: 5, end: 6, suggestion: 'Write "-" instead.' },
        { start: 12, end: 13, suggestion: 'Write "..." instead.' },
      ],
    },
    { body: 'Total:\u00a0£12', errors: [{ start: 6, end: 7, suggestion: 'Write " " instead.' }] },
    { body: 'Thanks 😀😀 see you', errors: [{ start: 7, end: 11, message: '"😀😀" is not', suggestion: 'Remove it or say it in words.' }] },
    { body: 'Welcome to Tеlvo', errors: [{ start: 12, end: 13, suggestion: 'Remove it or say it in words.' }] },
    {
      locale: 'fr',
      body: 'Votre « fenêtre » est prête',
      errors: [
        { start: 6, end: 7, message: '« « » n\'est pas dans l\'alphabet GSM-7', suggestion: 'Écrivez « " » à la place.' },
        { start: 11, end: 12, message: 'Ne supprimez pas l\'accent', suggestion: 'Gardez-le si le message tient quand même ; sinon reformulez avec des mots qui n\'en ont pas besoin.' },
        { start: 16, end: 17, suggestion: 'Écrivez « " » à la place.' },
        { start: 24, end: 25 },
      ],
    },
    // One finding per run: an accented letter next to a quote is one run, reported as a letter.
    { locale: 'fr', body: 'Ça c’est ça', errors: [{ start: 4, end: 5 }, { start: 9, end: 10, message: 'Ne supprimez pas' }] },
    { locale: 'fr', body: 'cœur «ç»', errors: [{ start: 1, end: 2 }, { start: 5, end: 8, message: 'Ne supprimez pas' }] },
  ],
});
