import { builtInLocales, createLinter, rules } from '../../lib/engine';
import { nearDuplicateGroups } from '../../lib/train/spam';
import { findingsOf, ruleTester } from '../support/rule-tester';

const prize = 'Congratulations! You have won a £1000 prize. Claim now at win-prize-today.co before midnight.';
const parcel = 'Your parcel could not be delivered. Pay the £1.99 fee at royalmail-redelivery.info/pay to rebook.';
const filtered = 'messages like this are often filtered as spam or taken for a scam.';

ruleTester('spam-likeness', {
  valid: [
    { body: 'Telvo: your bill of £32.50 is ready. It will be paid by Direct Debit on {{date}}.' },
    { body: 'Telvo: your order {{order_id}} has shipped. Track it at https://telvo.uk/track.' },
    { body: 'Hi {{first_name}}, your appointment is on {{date}} at {{time}}. Reply C to cancel.' },
    { body: 'Telvo: 20% off all phones this weekend. Shop at https://telvo.uk/sale. Reply STOP to opt out.', category: 'promotional' },
    // Promotions score higher by nature: the same words need a surer model before a warning.
    { body: parcel, category: 'promotional' },
    { body: parcel, config: { rules: { 'spam-likeness': ['warn', { threshold: { transactional: 0.9 } }] } } },
    // No public French spam collection: no model, no finding.
    { locale: 'fr', body: 'Félicitations ! Vous avez gagné un iPhone. Réclamez-le maintenant sur gagnez-vite.fr' },
  ],
  invalid: [
    {
      body: prize,
      errors: [{ text: 'win-prize-today.co', message: `A link on an unfamiliar domain, a number to call or text, and a prize or something free: ${filtered}` }],
    },
    {
      body: 'URGENT: your account has been suspended. Verify your details at secure-bank-verify.com within 24 hours.',
      errors: [{ text: 'secure-bank-verify.com', message: 'A link on an unfamiliar domain, capitals or exclamation marks, and a short deadline:' }],
    },
    {
      body: 'FREE entry to win a new iPhone! Txt WIN to 87121 now. T&Cs apply.',
      errors: [{ text: '87121', message: 'A number to call or text, a prize or something free, and capitals or exclamation marks:' }],
    },
    {
      body: parcel,
      errors: [
        {
          text: 'royalmail-redelivery.info/pay',
          message: `A link on an unfamiliar domain and wording common in spam: ${filtered}`,
          suggestion: 'Say who you are, link in full to your own domain, and keep only the prize, money and deadline words the message needs.',
        },
      ],
    },
  ],
});

describe('spam-likeness findings', () => {
  it('carry the confidence and the cues that weighed most, with the words they stand on', () => {
    const [finding] = findingsOf('spam-likeness', { body: prize });
    expect(finding.confidence).toBeGreaterThan(0.99);
    expect(finding.cues).toEqual(['w=# “1000”', 'host=hyphen “win-prize-today.co”', 'num=short “1000”']);
  });

  it('is a warning by default, and takes thresholds per category only', () => {
    expect(rules['spam-likeness'].meta.defaultSeverity).toBe('warning');
    expect(() => createLinter({ config: { rules: { 'spam-likeness': ['warn', { threshold: 0.5 }] } } })).toThrow(/threshold/);
  });

  it('refuses a model of another kind for spam, naming the language', () => {
    const [en] = builtInLocales;
    expect(() => createLinter({ locales: [{ ...en, spamModel: en.toneModel }] })).toThrow(/the en spam model must be of kind "spam" with outputs spam/);
  });
});

describe('near-duplicate groups', () => {
  it('put the same scam with other numbers, case or punctuation in one group, and different messages apart', () => {
    const groups = nearDuplicateGroups([
      'U have a secret admirer who is looking 2 make contact with U-find out who they R*reveal who thinks UR so special-call on 09058094597',
      'U have a Secret Admirer who is looking 2 make contact with U-find out who they R*reveal who thinks UR so special-call on 09065171142-stopsms-08',
      'Ok lar... Joking wif u oni...',
      'ok lar joking wif u oni',
      'Your parcel could not be delivered, pay the fee at the link to rebook it today',
    ]);
    expect(groups).toEqual(['g0', 'g0', 'g2', 'g2', 'g4']);
  });
});
