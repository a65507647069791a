import { ruleTable } from './rule-table';

const orange = "Orange alerte : votre consommation est de 197 euros. Merci de nous contacter au 3970 muni d'une carte bancaire";

ruleTable('sensitive-data-request', {
  valid: [
    { body: 'Your code is {{code}}. Never share this code with anyone.', variables: { type: 'object', properties: { code: { type: 'string', pattern: '^[0-9]{6}$' } } } },
    { body: 'Your verification code is 123456.' },
    { body: 'Telvo will never ask for your PIN or password by text.' },
    { body: "Don't share your card details with anyone who calls you." },
    { body: 'Your card ending 1234 was declined. Update it at https://telvo.uk/pay to keep your subscription.' },
    { locale: 'fr', body: 'Votre code : {{code}}. Ne communiquez jamais ce code.', variables: { type: 'object', properties: { code: { type: 'string', pattern: '^[0-9]{6}$' } } } },
    { locale: 'fr', body: 'Banque Azur ne vous demandera jamais votre code confidentiel.' },
    { locale: 'fr', body: "Orange : votre consommation hors forfait atteint 197 EUR. Une question ? 3970 (gratuit)." },
  ],
  invalid: [
    {
      locale: 'fr',
      body: orange,
      errors: [
        {
          start: 85,
          end: 110,
          message: "Demande d'avoir sa carte bancaire en main (« muni d'une carte bancaire ») : les vrais messages qui le font habituent les clients à croire les arnaques",
        },
      ],
    },
    {
      body: 'Telvo ALERT: your usage is 197 GBP. Please contact us on 333 with your bank card ready.',
      errors: [{ start: 61, end: 86, message: 'Asks people to have their bank card ready ("with your bank card ready")' }],
    },
    // A request before a "card ready" one is reported too, not hidden behind it.
    {
      body: 'Send your card number. Then call us with your card ready.',
      errors: [{ start: 0, end: 21 }, { start: 36, end: 56 }],
    },
    {
      body: 'Reply with your PIN to confirm.',
      errors: [
        {
          start: 0,
          end: 19,
          message: 'Asks for sensitive data ("PIN") by SMS: genuine messages that do this train customers to trust the scams that ask the same.',
          suggestion: 'Do not ask for it by SMS: point to a channel they already know (your app, the number on their card) and say "We will never ask for your PIN, password or codes."',
        },
      ],
    },
    { body: 'Your account is locked. Confirm your card details at https://telvo.uk/x', errors: [{ start: 24, end: 49 }] },
    { body: 'Please send us the one-time code we just sent you.', errors: [{ start: 7, end: 32 }] },
    { body: 'To verify it is you, tell the adviser your password.', errors: [{ start: 3, end: 51 }] },
    { body: 'We need your bank details to refund you.', errors: [{ start: 0, end: 25 }] },
    // Protective advice in one sentence does not cover a request in the next.
    { body: 'Never share your PIN. Reply with your passcode.', errors: [{ start: 22, end: 46 }] },
    { locale: 'fr', body: 'Merci de nous communiquer vos coordonnées bancaires.', errors: [{ start: 14, end: 51, message: 'Demande des données sensibles (« coordonnées bancaires ») par SMS' }] },
    { locale: 'fr', body: 'Indiquez votre code reçu par SMS au conseiller.', errors: [{ start: 0, end: 24 }] },
    { locale: 'fr', body: 'Rappelez le 3970, munissez-vous de votre carte.', errors: [{ start: 18, end: 46 }] },
    // Read normalised (issue 10): a zero-width space, a Cyrillic а, a soft hyphen, fullwidth
    // letters hide nothing; spans point into the body as written, quotes show what was read.
    { body: 'Reply with your c\u200bard number', errors: [{ start: 0, end: 28, message: '("card number")' }] },
    { body: 'Reply with your c\u0430rd number', errors: [{ start: 0, end: 27, message: '("card number")' }] },
    { body: 'Reply with your card num\u00adber', errors: [{ start: 0, end: 28, message: '("card number")' }] },
    { body: 'Hi. Ｒｅｐｌｙ with your ＰＩＮ.', errors: [{ start: 4, end: 23, message: '("PIN")' }] },
  ],
});
