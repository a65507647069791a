/** The playground's interface strings, one table per language; `{slot}`s are filled by `format`. */
const en = {
  title: 'smslint playground',
  intro: 'Write an SMS template and see, while you type, what may upset or confuse the people who receive it.',
  templateLegend: 'Template',
  locale: 'Language of the message',
  category: 'Category',
  transactional: 'Transactional',
  promotional: 'Promotional',
  sender: 'Sender (brand)',
  body: 'Message',
  bodyHint: 'Placeholders look like {{firstName}}. Highlights show the words each finding is about.',
  variablesLegend: 'Variables',
  variablesHint: 'One line per placeholder, with the longest value it can take.',
  variableName: 'Name',
  variableMaxLength: 'Maximum length',
  addVariable: 'Add a variable',
  removeVariable: 'Remove variable {name}',
  findingsTitle: 'Findings',
  errors: 'Errors',
  warnings: 'Warnings',
  checking: 'Checking…',
  emptyBody: 'Type a message to check it.',
  summaryPassed: 'No errors: this message passes.',
  summaryCounts: '{errors} error(s), {warnings} warning(s).',
  suggestion: 'Suggestion:',
  accepted: '(accepted)',
  selectHint: 'Select the words in the message',
  encoding: 'Encoding',
  segmentsWorstCase: '{segments} segment(s) at most',
  segmentUsage: '{used} characters in this segment, {left} left',
  ucs2Hint: 'Characters that force UCS-2 are underlined in purple.',
  submitTitle: 'Versions',
  templateId: 'Template ID',
  submit: 'Submit version',
  submitted: 'Version {version} saved: {verdict}.',
  verdictPassed: 'passed',
  verdictFailed: 'failed',
  historyTitle: 'History',
  historyEmpty: 'No version yet.',
  historyItem: 'Version {version}',
  findingsCount: '{count} finding(s)',
  testTitle: 'Send a test',
  testHint: 'Local mode: the message goes to the local outbox, not to a phone.',
  phone: 'Phone number',
  valueOf: 'Value of {name}',
  send: 'Send test',
  sent: 'Sent to the outbox: dispatch {dispatchId}, message {messageId}.',
  outboxCount: 'The outbox holds {count} message(s).',
  networkError: 'The service did not answer ({message}).',
};

export type StringKey = keyof typeof en;
export type Strings = Record<StringKey, string>;

const fr: Strings = {
  title: 'Bac à sable smslint',
  intro: 'Rédigez un modèle de SMS et voyez, pendant la saisie, ce qui risque de froisser ou d’égarer ses destinataires.',
  templateLegend: 'Modèle',
  locale: 'Langue du message',
  category: 'Catégorie',
  transactional: 'Transactionnel',
  promotional: 'Promotionnel',
  sender: 'Expéditeur (marque)',
  body: 'Message',
  bodyHint: 'Les variables s’écrivent {{prenom}}. Les surlignages montrent les mots visés par chaque constat.',
  variablesLegend: 'Variables',
  variablesHint: 'Une ligne par variable, avec la longueur maximale de sa valeur.',
  variableName: 'Nom',
  variableMaxLength: 'Longueur maximale',
  addVariable: 'Ajouter une variable',
  removeVariable: 'Supprimer la variable {name}',
  findingsTitle: 'Constats',
  errors: 'Erreurs',
  warnings: 'Avertissements',
  checking: 'Vérification…',
  emptyBody: 'Saisissez un message pour le vérifier.',
  summaryPassed: 'Aucune erreur : ce message est accepté.',
  summaryCounts: '{errors} erreur(s), {warnings} avertissement(s).',
  suggestion: 'Suggestion :',
  accepted: '(accepté)',
  selectHint: 'Sélectionner les mots dans le message',
  encoding: 'Encodage',
  segmentsWorstCase: '{segments} segment(s) au plus',
  segmentUsage: '{used} caractères dans ce segment, {left} restants',
  ucs2Hint: 'Les caractères qui imposent l’UCS-2 sont soulignés en violet.',
  submitTitle: 'Versions',
  templateId: 'Identifiant du modèle',
  submit: 'Enregistrer la version',
  submitted: 'Version {version} enregistrée : {verdict}.',
  verdictPassed: 'acceptée',
  verdictFailed: 'refusée',
  historyTitle: 'Historique',
  historyEmpty: 'Aucune version pour l’instant.',
  historyItem: 'Version {version}',
  findingsCount: '{count} constat(s)',
  testTitle: 'Envoyer un test',
  testHint: 'Mode local : le message part dans la boîte d’envoi locale, pas vers un téléphone.',
  phone: 'Numéro de téléphone',
  valueOf: 'Valeur de {name}',
  send: 'Envoyer le test',
  sent: 'Envoyé dans la boîte d’envoi : envoi {dispatchId}, message {messageId}.',
  outboxCount: 'La boîte d’envoi contient {count} message(s).',
  networkError: 'Le service n’a pas répondu ({message}).',
};

const tables: Record<string, Strings> = { en, fr };

/** The interface language for a browser language tag: French for fr*, English otherwise. */
export function interfaceLanguage(browserLanguage: string): 'en' | 'fr' {
  return browserLanguage.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function stringsFor(language: string): Strings {
  return tables[language] ?? en;
}

export function format(text: string, data: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (slot, name: string) => (name in data ? String(data[name]) : slot));
}
