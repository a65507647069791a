import { ruleTable } from './rule-table';

const promotional = 'promotional' as const;

ruleTable('opt-out', {
  valid: [
    { category: promotional, body: '20% off all shoes until Sunday at Shopora. Reply STOP to opt out.' },
    { category: promotional, body: 'Shopora sale ends Sunday. Text STOP to 60123 to unsubscribe.' },
    { category: promotional, body: 'Shopora sale ends Sunday. STOP to end' },
    // A UK short code after STOP says where to send it ("STOP to 60060").
    { category: promotional, body: 'Shopora sale ends Sunday. STOP to 60060.' },
    { category: promotional, body: 'Shopora sale ends Sunday. To opt out, reply "STOP".' },
    // Transactional messages are exempt.
    { body: 'Your parcel arrives tomorrow.' },
    { locale: 'fr', category: promotional, body: '-20 % sur tout le magasin jusqu\'à dimanche. STOP au 36111' },
    { locale: 'fr', category: promotional, body: 'Soldes chez Boutika ce week-end. STOP SMS 36180' },
    { locale: 'fr', category: promotional, body: 'Soldes chez Boutika. Stop au 36111' },
    { locale: 'fr', category: promotional, body: 'Soldes chez Boutika. Répondez STOP pour vous désinscrire' },
    // The keyword may be the sender's own, named after what it stops.
    { category: promotional, body: 'Shopora sale ends Sunday. To stop these messages, reply {{keyword}}.' },
    { locale: 'fr', category: promotional, body: 'Soldes chez Boutika. Pour ne plus recevoir nos offres, répondez {{mot_cle}}.' },
    { locale: 'fr-FR', category: 'transactional', body: 'Votre colis arrive demain.' },
  ],
  invalid: [
    {
      category: promotional,
      body: '20% off all shoes until Sunday at Shopora.',
      errors: [
        {
          start: 42,
          end: 42,
          message: 'A promotional message must offer a free way to opt out, such as "Reply STOP to opt out".',
          suggestion: 'Add at the end: "Reply STOP to opt out."',
        },
      ],
    },
    // STOP alone, without how to send it, is not an instruction.
    { category: promotional, body: 'Do not STOP shopping at Shopora!', errors: [{ start: 32, end: 32 }] },
    { category: promotional, body: 'STOP to 2 and shop at Shopora!', errors: [{ start: 30, end: 30 }] },
    {
      locale: 'fr',
      category: promotional,
      body: '-20 % sur tout le magasin jusqu\'à dimanche.',
      errors: [{ start: 43, end: 43, message: 'STOP au 36xxx', suggestion: "Ajoutez à la fin : « STOP au 36xxx », avec le numéro court STOP de votre plateforme d'envoi." }],
    },
    // An English opt-out does not count in a French template.
    { locale: 'fr', category: promotional, body: 'Soldes chez Boutika. Reply STOP to opt out', errors: [{ start: 42, end: 42 }] },
  ],
});
