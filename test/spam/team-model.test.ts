import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLinter, localeFor } from '../../lib/engine';
import { featurizeMessages, readLabelledMessages, trainSpamModel } from '../../lib/train/spam';

/** No public French collection: a team trains the French model on its own labelled lines, as `npm run train -- --spam` does. */
describe('a team-trained French spam model', () => {
  const fr = localeFor('fr')!;
  const lines = [
    ...['Félicitations ! Vous avez gagné un iPhone, réclamez-le sur gagnez-vite.fr', 'URGENT : votre compte est suspendu, vérifiez vos informations sur banque-verif.com'].flatMap((text) => [`spam\t${text}`, `smishing\t${text} maintenant`]),
    ...['Telvo : votre facture de 32 € est disponible dans votre espace client.', 'Votre rendez-vous est confirmé pour le {{date}} à {{heure}}.'].flatMap((text) => [`ham\t${text}`, `HAM\t${text} Merci.`]),
  ];
  const file = join(mkdtempSync(join(tmpdir(), 'smslint-spam-')), 'mes-sms.tsv');
  writeFileSync(file, `${lines.join('\n')}\n`);

  it('reads the lines, labels in any case, and refuses an unknown label with its line', () => {
    expect(readLabelledMessages(file).map(({ label }) => label)).toEqual(['spam', 'smishing', 'spam', 'smishing', 'ham', 'ham', 'ham', 'ham']);
    const bad = join(mkdtempSync(join(tmpdir(), 'smslint-spam-')), 'bad.tsv');
    writeFileSync(bad, 'ham\tBonjour\npromo\tSoldes\n');
    expect(() => readLabelledMessages(bad)).toThrow(/bad\.tsv:2: label "promo" is not one of ham, spam, smishing/);
  });

  it('makes the rule read French templates, which it leaves alone without a model', () => {
    const model = trainSpamModel(featurizeMessages(readLabelledMessages(file), fr), { minCount: 1, l2: 0.001, steps: 200, learningRate: 0.1, prune: 0.001, templateWeight: 1 });
    const template = { locale: 'fr', category: 'transactional', body: 'Félicitations ! Vous avez gagné, réclamez maintenant sur gagnez-vite.fr' };
    const ruleIds = (linter: ReturnType<typeof createLinter>) => linter.lint(template).findings.map(({ ruleId }) => ruleId);
    expect(ruleIds(createLinter())).not.toContain('spam-likeness');
    expect(ruleIds(createLinter({ locales: [{ ...fr, spamModel: model }] }))).toContain('spam-likeness');
  });
});
