import { lint } from '../../lib/engine';

const coreRules = new Set(['directive-tone', 'missing-rationale', 'missing-consequence']);

/**
 * The core findings without what the learned layer adds (its confidence and the cues it
 * read, which move with each training): those are checked on their own below.
 */
function coreFindings(template: Parameters<typeof lint>[0]) {
  return lint(template)
    .findings.filter((finding) => coreRules.has(finding.ruleId))
    .map(({ confidence: _confidence, cues: _cues, ...finding }) => finding);
}

describe('core findings: messages and suggestions', () => {
  it('explains the Orange message in French and leads toward its better version', () => {
    const body = "Orange alerte : votre consommation est de 197 euros. Merci de nous contacter au 3970 muni d'une carte bancaire";
    const cta = "Merci de nous contacter au 3970 muni d'une carte bancaire";
    const ctaStart = body.indexOf(cta);
    expect(coreFindings({ locale: 'fr-FR', category: 'transactional', sender: 'Orange', body })).toEqual([
      {
        ruleId: 'directive-tone',
        severity: 'error',
        message: "« alerte » est une étiquette d'alarme : elle inquiète avant même d'informer.",
        start: 7,
        end: 13,
        suggestion:
          "Supprimez l'étiquette et commencez par le fait lui-même (par ex. « votre consommation hors forfait atteint …, plus que d'habitude »).",
      },
      {
        ruleId: 'directive-tone',
        severity: 'error',
        message: `« ${cta} » est un ordre sans aucune raison.`,
        start: ctaStart,
        end: body.length,
        suggestion:
          "Dites pourquoi (ce qui ne va pas ou à quoi cela sert), proposez au lieu d'ordonner (« vous pouvez… », « si… »), dites quand il n'y a rien à faire, ou offrez de l'aide (« Une question ? 3970 »).",
      },
      {
        ruleId: 'missing-consequence',
        severity: 'warning',
        message: `Le message demande « ${cta} » sans dire ce qui se passe ensuite.`,
        start: ctaStart,
        end: body.length,
        suggestion:
          "Dites ce qui se passe si le destinataire agit ou ne fait rien (« sinon… », « dès réception de votre paiement… »), ou quand il n'a rien à faire (« Si elle vous semble normale, vous n'avez rien à faire. »).",
      },
      {
        ruleId: 'missing-rationale',
        severity: 'error',
        message: `Le message demande « ${cta} » sans dire pourquoi.`,
        start: ctaStart,
        end: body.length,
        suggestion:
          "Dites ce qui ne va pas ou à quoi sert l'action (par ex. « votre consommation est plus élevée que d'habitude », « pour mettre en place un échéancier ») ; un montant ou un sujet (« concernant votre dossier ») n'est pas une raison.",
      },
    ]);
  });

  it('says how sure the model is and which words it read, quoted from the body', () => {
    const body = "Orange alerte : votre consommation est de 197 euros. Merci de nous contacter au 3970 muni d'une carte bancaire";
    const findings = lint({ locale: 'fr', category: 'transactional', body }).findings.filter((finding) => coreRules.has(finding.ruleId));
    expect(findings).toHaveLength(4);
    for (const finding of findings) {
      expect(finding.confidence).toBeGreaterThanOrEqual(0.5);
      expect(finding.confidence).toBeLessThanOrEqual(1);
      expect(finding.cues!.length).toBeGreaterThan(0);
      for (const cue of finding.cues!) {
        const quoted = /“(.+)”$/u.exec(cue);
        if (quoted) expect(body).toContain(quoted[1]);
      }
    }
    // The alarm label decided the first finding: it leads its cues.
    expect(findings[0].cues![0]).toBe('c=trigger.alarm “alerte”');
  });

  it('finds nothing in the better version', () => {
    const body =
      "Orange : votre consommation hors forfait atteint 197 EUR, plus que d'habitude. Si elle vous semble normale, vous n'avez rien à faire : elle sera prélevée avec votre facture. Une question ? 3970 (gratuit).";
    expect(coreFindings({ locale: 'fr', category: 'transactional', sender: 'Orange', body })).toEqual([]);
  });

  it('writes English messages with the words found, and counts exclamation marks', () => {
    const findings = coreFindings({ locale: 'en-GB', category: 'promotional', body: 'Hurry!! Our SALE ends tonight! Shop at {{link}}' });
    expect(findings.map(({ message, suggestion }) => ({ message, suggestion }))).toEqual([
      { message: '“Hurry” pushes the recipient to act in a hurry.', suggestion: 'Drop the urgency word; if there is a deadline, give the date and say what happens after it.' },
      { message: '3 exclamation marks: the message sounds agitated.', suggestion: 'Keep at most one exclamation mark, for good news only.' },
      {
        message: '“SALE” is written in capitals: it reads as shouting.',
        suggestion: 'Write “sale” in normal case; add the word to `allowedCapitals` if it is a brand or an acronym.',
      },
      { message: '“ends tonight” pushes the recipient to act in a hurry.', suggestion: 'Drop the urgency word; if there is a deadline, give the date and say what happens after it.' },
    ]);
  });

  it('never reads a placeholder as words: {{AMOUNT}} is not shouting, {{URGENT}} no alarm', () => {
    expect(coreFindings({ locale: 'en', category: 'transactional', body: '{{URGENT}}: your {{AMOUNT}} refund has been paid.' })).toEqual([]);
  });

  it('keeps the spans of the body when placeholders hold spaces and dots', () => {
    const body = 'Hi {{ customer.firstName }}, call 3970.';
    const [finding] = coreFindings({ locale: 'en', category: 'promotional', body });
    expect(finding).toMatchObject({ ruleId: 'directive-tone', start: body.indexOf('call'), end: body.length - 1 });
  });
});
