import { ruleTable } from './cases';

ruleTable('missing-consequence', {
  valid: [
    // A threat or an outcome in words the corpus lacked.
    { body: 'Your payment failed. Update your card now or lose your membership.' },
    { body: 'Your parcel has waited 8 days at {{shop}}. Collect it by Saturday: after that it goes back to the sender.' },
    { body: "Ton colis t'attend chez {{relais}} depuis 8 jours. Viens le chercher avant samedi, après il repart chez l'expéditeur.", locale: 'fr' },
    { body: 'Votre avis est disponible. Merci de verser {{montant}} € avant le {{date}}. En cas de retard, des intérêts seront dus.', locale: 'fr' },
    { body: 'Please pay at {{link}}, otherwise a £12 fee applies.' },
    { body: 'Your bill is overdue. Pay at {{link}} to avoid a £5 late fee.' },
    { body: 'Please send your meter reading by 30 June. Without it, the bill will be estimated.' },
    { body: 'Card used at {{merchant}}. If this wasn’t you, call 3970. If it was you, no action is needed.' },
    { body: 'We couldn’t take your payment. Please update your card. Once updated, we’ll retry the payment.' },
    { body: 'Confirm your details at {{link}} or your account will be closed.' },
    { body: 'Please call us before 30 April. If we haven’t heard from you by then, we’ll close the case.' },
    { body: 'Your insurance renews on {{date}}. If you’re happy, there’s nothing to do. To cancel, visit {{link}}.' },
    { body: 'Your parcel was delivered.' },
    { body: 'Shop our sale at {{link}}.', category: 'promotional' },
    // A help line asks nothing (spec), however strongly its words ("call", "please") read as a request to the model.
    { body: 'Reminder: your appointment is on {{date}}.\nPlease call or text us at {{phone}} if you have any questions.' },
    // What the sender does once the recipient acts (spec: an outcome of acting).
    { body: 'Your parcel is at our depot. Reply 1 for redelivery and we’ll text you a time slot.' },
    { body: 'Votre colis est au dépôt. Répondez 1 et nous vous rappellerons pour fixer un créneau.', locale: 'fr' },
    // Set 16: what is held back until the recipient acts.
    { body: 'Your laundry is ready but cannot be delivered back to you before payment. Please pay at {{link}}.' },
    { body: 'Vos lunettes sont prêtes mais ne pourront être remises qu’après paiement. Réglez sur {{lien}}.', locale: 'fr' },
    // French.
    { body: 'Réglez votre facture sur {{lien}} pour éviter une coupure.', locale: 'fr' },
    { body: 'Merci de régler avant le 15 juin, sinon votre dossier sera clos.', locale: 'fr' },
    { body: 'Envoyez-nous les photos des dégâts. Dès réception, un expert vous contactera.', locale: 'fr' },
    { body: "Si elle vous semble normale, vous n'avez rien à faire. Sinon, appelez le 3970.", locale: 'fr' },
    { body: 'Confirmez votre adresse sur {{lien}}, à défaut le colis nous sera retourné.', locale: 'fr' },
    { body: 'Transmettez votre relevé avant le 30 juin. Sans relevé, votre facture sera estimée.', locale: 'fr' },
    { body: 'Si ce n’est pas vous, appelez le 3970. Si c’est bien vous, aucune démarche n’est nécessaire.', locale: 'fr' },
    { body: 'Découvrez nos forfaits sur {{lien}}.', locale: 'fr', category: 'promotional' },
  ],
  invalid: [
    { body: 'Call 3970 to set up a payment plan.', errors: [{ messageId: 'missing', text: 'Call 3970 to set up a payment plan' }] },
    {
      body: 'Your card ending 1234 was declined. Update it at {{link}} to keep your subscription.',
      errors: [{ messageId: 'missing', text: 'Update it at {{link}} to keep your subscription' }],
    },
    { body: 'Your train was 45 min late. Claim at {{link}} within 28 days.', errors: [{ messageId: 'missing', text: 'Claim at {{link}} within 28 days' }] },
    {
      body: 'Boarding closes at {{time}}. Please go to gate B32.',
      errors: [{ messageId: 'missing', text: 'Please go to gate B32' }],
    },
    {
      body: "If you cannot attend, call us so we can offer the slot to someone else.",
      errors: [{ messageId: 'missing', text: 'call us so we can offer the slot to someone else' }],
    },
    // French.
    {
      body: "Orange alerte : votre consommation est de 197 euros. Merci de nous contacter au 3970 muni d'une carte bancaire",
      locale: 'fr',
      errors: [{ messageId: 'missing', text: "Merci de nous contacter au 3970 muni d'une carte bancaire" }],
    },
    { body: 'Veuillez régler votre facture de 58 €.', locale: 'fr', errors: [{ messageId: 'missing', text: 'Veuillez régler votre facture de 58 €' }] },
    {
      body: 'Votre paiement a été refusé. Mettez à jour votre carte sur {{lien}} pour conserver votre abonnement.',
      locale: 'fr',
      errors: [{ messageId: 'missing', text: 'Mettez à jour votre carte sur {{lien}} pour conserver votre abonnement' }],
    },
    {
      body: 'Pour votre IRM du {{date}}, vous devez être à jeun depuis 6 heures.',
      locale: 'fr',
      errors: [{ messageId: 'missing', text: 'vous devez être à jeun depuis 6 heures' }],
    },
  ],
});
