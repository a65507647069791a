import { ruleTable } from './rule-table';

const pay = { type: 'object', properties: { pay_link: { type: 'string', format: 'uri', maxLength: 40 }, id: { type: 'string', pattern: '^[0-9]{6}$' } } };

ruleTable('link', {
  valid: [
    { body: 'Pay at https://telvo.uk/pay today.' },
    { body: 'Pay at {{pay_link}} today.', variables: pay },
    { body: 'Pay at https://{{pay_link}} today.', variables: pay },
    { body: 'Pay at https://telvo.uk/pay/{{id}} today.', variables: pay },
    // Abbreviations, times, amounts and e-mail addresses are not links.
    { body: 'Ok lar... i.e. at 2.30 p.m. we pay £3.50, e.g. mail help@telvo.uk.' },
    { body: 'Pay at https://pay.telvo.uk/x', config: { rules: { link: ['warn', { allowedDomains: ['telvo.uk'] }] } } },
    { locale: 'fr', body: 'Payez sur https://www.telvo.fr/paiement.' },
  ],
  invalid: [
    // A placeholder in the host lets a value choose where the link goes (issue 10).
    {
      body: 'Pay at https://{{x}}bit.ly/abc now',
      variables: pay,
      errors: [{ start: 7, end: 30, message: 'The link\'s domain is partly a placeholder ("https://{{x}}bit.ly/abc")', suggestion: 'Write the domain in full and put placeholders in the path only, or make the whole link one variable.' }],
    },
    { body: 'Pay at https://pay.{{id}}.com/x now', variables: pay, errors: [{ start: 7, end: 31 }] },
    // An invisible character does not hide a shortener (issue 10): the span covers it.
    { body: 'Pay at https://bit\u200b.ly/3xYz now', errors: [{ start: 7, end: 27, message: 'public shortener bit.ly' }] },
    {
      body: 'Pay at https://bit.ly/3xYz now',
      errors: [{ start: 7, end: 26, message: 'The link goes through the public shortener bit.ly', suggestion: 'Write the full link on your own domain, starting with https://.' }],
    },
    {
      body: 'Pay at http://telvo.uk/pay.',
      errors: [{ start: 7, end: 26, message: 'The link "http://telvo.uk/pay" starts with http://', suggestion: 'https://telvo.uk/pay' }],
    },
    {
      body: 'Pay at telvo.uk/pay, thanks',
      errors: [{ start: 7, end: 19, message: 'The link "telvo.uk/pay" does not start with https://', suggestion: 'https://telvo.uk/pay' }],
    },
    { body: 'See www.telvo.uk', errors: [{ start: 4, end: 16, suggestion: 'https://www.telvo.uk' }] },
    // A shortener without https: two problems, same span.
    { body: 'Win! tinyurl.com/abc', errors: [{ start: 5, end: 20, message: 'tinyurl.com' }, { start: 5, end: 20, message: 'does not start with https://' }] },
    { body: 'Go to https://go.ow.ly/x', errors: [{ start: 6, end: 24, message: 'shortener go.ow.ly' }] },
    {
      body: 'Pay at https://telvo-billing.com/pay',
      config: { rules: { link: ['warn', { allowedDomains: ['telvo.uk', 'telvo.fr'] }] } },
      errors: [{ start: 7, end: 36, message: 'The link goes to telvo-billing.com, which is not one of your link domains (telvo.uk, telvo.fr)', suggestion: 'Link to one of your domains: telvo.uk, telvo.fr.' }],
    },
    { locale: 'fr', body: 'Payez sur https://bit.ly/x', errors: [{ start: 10, end: 26, message: 'Le lien passe par le raccourcisseur public bit.ly', suggestion: 'Écrivez le lien complet sur votre propre domaine, en commençant par https://.' }] },
    { locale: 'fr', body: 'Payez sur « telvo.fr/p »', errors: [{ start: 12, end: 22, message: 'Le lien « telvo.fr/p » ne commence pas par https://' }] },
  ],
});
