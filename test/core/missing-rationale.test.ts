import { ruleTable } from './cases';

ruleTable('missing-rationale', {
  valid: [
    { body: 'Call 3970 to set up a payment plan.' },
    { body: 'Your bill is overdue. Please pay at {{link}}.' },
    // A bill issued with its amount between, an event under way, an account made for the recipient.
    { body: 'Bonjour {{nom}}, votre facture de {{montant}}€ est disponible. Payez en ligne : {{lien}}', locale: 'fr' },
    { body: "La période d'actualisation a commencé. Pensez à vous actualiser avant le 15 du mois.", locale: 'fr' },
    { body: 'Hi {{name}}, {{webinar}} is starting now. Check your email for the Zoom link.' },
    { body: 'Votre professeur a créé votre compte, enregistrez votre mot de passe sur : {{url}}', locale: 'fr' },
    // A thing named by a noun and its adjective or name is ready or has come: the reason to fetch it.
    { body: 'Votre carte bancaire est arrivée. Merci de la retirer en agence.', locale: 'fr' },
    { body: 'Votre carte Vitale est disponible. Vous pouvez la retirer à l\'accueil de votre agence.', locale: 'fr' },
    // A hearing or an appointment the message states is the reason to come prepared.
    { body: 'Votre audience est fixée au {{date}} au tribunal de {{ville}}. Présentez-vous avec cette convocation.', locale: 'fr' },
    { body: "Rappel : vous avez rendez-vous le {{date}} à {{heure}}. Merci d'apporter votre carte Vitale.", locale: 'fr' },
    { body: 'Your hearing is on {{date}} at {{court}}. Please bring this letter and photo ID.' },
    // A problem stated in an earlier sentence explains the request (issue 9's pattern 1).
    { body: 'Your photos could not be read. Please upload new ones at {{link}}.' },
    { body: 'Your prescription has run out. Order a repeat at {{link}}.' },
    { body: 'Échec du prélèvement. Vérifiez votre RIB dans votre espace client.', locale: 'fr' },
    { body: "Votre justificatif de domicile est illisible. Merci d'en déposer un nouveau sur {{lien}}.", locale: 'fr' },
    { body: 'New version available. Update your app.' },
    { body: 'Your DHL parcel will be delivered today. Track it at {{link}}.' },
    { body: "La Poste : votre Colissimo est disponible en bureau de poste. Munissez-vous d'une pièce d'identité.", locale: 'fr' },
    { body: 'Rendez-vous le {{date}}. Se munir de sa carte Vitale.', locale: 'fr' },
    // A purpose named by what the recipient gains is a reason, as "to keep your cover" is.
    { body: 'Votre relevé est attendu avant le {{date}}. Transmettez-le sur {{lien}} pour une facture au plus juste.', locale: 'fr' },
    { body: 'Send us a meter reading at {{link}} for a more accurate bill.' },
    // An opt-out by short code asks nothing that needs a reason.
    { body: 'Our winter coats are in store now. STOP to 60060.', category: 'promotional' },
    { body: 'Your Direct Debit was returned by your bank. To avoid a break in service, you can pay at {{link}}.' },
    { body: 'Questions? Call 3970.' },
    { body: 'Your parcel was delivered at 14:32. Thanks!' },
    { body: 'We missed you today. Choose a new delivery day at {{link}}.' },
    { body: 'For your security, please confirm this payment in the app.' },
    { body: 'Please make sure your meter is accessible on {{date}}, as our engineer will replace it.' },
    { body: 'Your passport expired on {{date}}. Please upload a new one in the app.' },
    { body: 'Card ending {{last4}} was used for £249.99. If this wasn’t you, call 0345 300 0000 so we can block the card.' },
    { body: 'Your appointment with Dr {{doctor}} is on {{date}}. Please bring your medication list.' },
    { body: 'We could not read your meter because the cover was blocked. Please clear access by {{date}}.' },
    { body: '20% off all shoes until Sunday. Shop the range at {{link}}.', category: 'promotional' },
    { body: 'Flights to Lisbon from £39 this week. Book at {{link}}', category: 'promotional' },
    // A visit on its way, a bill issued, a meeting set, a new grade, a low stock: events the request answers.
    { body: 'Your technician arrives in 1 hour ({{time}}). Please clear access to the meter.' },
    { body: 'Invoice {{number}} from {{company}}. Amount: {{total}}. Due date: {{due_date}}. Please review and make payment.' },
    { body: "Hi {{name}}, the parents' meeting of {{class}} is on Saturday at 10 AM. Please attend." },
    { body: "Votre technicien arrive dans 1 heure ({{heure}}). Préparez l'accès au compteur.", locale: 'fr' },
    { body: 'Nouvelle note pour {{eleve}} en {{matiere}}. Consultez les détails sur votre espace.', locale: 'fr' },
    { body: '[{{boutique}}] Stock faible : {{produit}}. Pensez à réapprovisionner.', locale: 'fr' },
    // A service unavailable, something gone wrong: problems the request answers.
    { body: 'Service is not available in your area. Please check again later.' },
    { body: "Something went wrong. Please text 'x' and we'll be notified." },
    // An appointment by its placeholders, a problem said "unfortunately", a payment disputed, an offer's percentage as a placeholder.
    { body: 'Salon {{nom}} : RDV {{date}} a {{heure}}. Confirmez ou annulez ici : {{lien}}', locale: 'fr' },
    { body: "{{societe}} n'est malheureusement pas disponible pour votre transport. Recherchez une autre société sur {{lien}}.", locale: 'fr' },
    { body: 'Votre versement de {{montant}} a ete conteste. Contactez la direction.', locale: 'fr' },
    { body: 'Special offer! Get {{discount}}% off on {{product}}. Use code {{code}}.', category: 'promotional' },
    // A promotion's benefit given after its request.
    { body: 'Bonjour {{prenom}} ! Laissez un avis sur {{commerce}} et recevez votre récompense : {{lien}}', locale: 'fr', category: 'promotional' },
    // A purpose in the passive, as "to be called back" is.
    { body: 'Pour être rappelé, merci de répondre à ce message en indiquant votre adresse.', locale: 'fr' },
    // A help line, and a condition that names a change in the recipient's situation.
    { body: "Votre bien ne correspond pas à nos critères actuels. N'hésitez pas à nous recontacter si votre situation change.", locale: 'fr' },
    { body: "Your home is outside our area for now. Don't hesitate to get back to us if your circumstances change." },
    // Words written without their accents read as with them: senders drop accents that GSM-7 lacks, or all of them.
    { body: 'Votre carte fidelite est prete. Montrez-la a chaque commande : {{lien}}', locale: 'fr' },
    { body: 'Votre facture est impayee. Reglez-la sur {{lien}} pour eviter une suspension de ligne.', locale: 'fr' },
    // French.
    { body: 'Votre facture est impayée. Réglez-la sur {{lien}} pour éviter une suspension de ligne.', locale: 'fr' },
    { body: 'Suite à votre déclaration de sinistre, merci de nous envoyer les photos des dégâts.', locale: 'fr' },
    { body: 'Votre carte expire le {{date}}. Mettez-la à jour sur {{lien}}.', locale: 'fr' },
    { body: 'Appelez le 3970 afin que nous puissions vérifier votre compteur.', locale: 'fr' },
    { body: 'Pour le modifier ou le résilier, rendez-vous sur {{lien}}.', locale: 'fr' },
    { body: "Nous n'avons pas pu livrer votre colis. Choisissez un nouveau créneau sur {{lien}}.", locale: 'fr' },
    { body: "Pour des raisons de sécurité, merci de confirmer votre numéro dans l'appli.", locale: 'fr' },
    { body: 'Soldes : -30 % sur tout le magasin. Profitez-en sur {{lien}}. STOP au 36111', locale: 'fr', category: 'promotional' },
    {
      body: "Orange : votre consommation hors forfait atteint 197 EUR, plus que d'habitude. Si elle vous semble normale, vous n'avez rien à faire : elle sera prélevée avec votre facture. Une question ? 3970 (gratuit).",
      locale: 'fr',
    },
  ],
  invalid: [
    { body: 'Call 3970.', errors: [{ messageId: 'missing', text: 'Call 3970' }] },
    // An adviser who is available is no reason to call (the sender initiates the request).
    { body: 'Votre conseiller est disponible au {{telephone}}. Appelez-le.', locale: 'fr', errors: [{ messageId: 'missing', text: 'Appelez-le' }] },
    // A tu-form imperative with its pronoun is a request: the hyphen after it marks no noun ("Check-in").
    { body: 'Rappelle-moi demain.', locale: 'fr', errors: [{ messageId: 'missing', text: 'Rappelle-moi demain' }] },
    { body: 'Your usage is 197 euros. Please call us.', errors: [{ messageId: 'missing', text: 'Please call us' }] },
    { body: 'Please call us to discuss your account.', errors: [{ messageId: 'missing', text: 'Please call us to discuss your account' }] },
    { body: 'Please call us on 0800 056 3000 regarding your account.', errors: [{ messageId: 'missing', text: 'Please call us on 0800 056 3000 regarding your account' }] },
    // A threat says what happens, not why: consequence only.
    { body: 'Please pay at {{link}}, otherwise a £12 fee applies.', errors: [{ messageId: 'missing', text: 'Please pay at {{link}}' }] },
    { body: 'Could you call us on 0800 123 456?', errors: [{ messageId: 'missing', text: 'Could you call us on 0800 123 456' }] },
    { body: 'Your policy requires attention. Log in at {{link}}.', errors: [{ messageId: 'missing', text: 'Log in at {{link}}' }] },
    { body: 'You need to visit your branch with photo ID before 31 March.', errors: [{ messageId: 'missing', text: 'You need to visit your branch with photo ID before 31 March' }] },
    { body: 'New arrivals are in. Shop at {{link}}', category: 'promotional', errors: [{ messageId: 'missing', text: 'Shop at {{link}}' }] },
    { body: 'Kindly settle your balance of £40.', errors: [{ messageId: 'missing', text: 'Kindly settle your balance of £40' }] },
    // French.
    {
      body: "Orange alerte : votre consommation est de 197 euros. Merci de nous contacter au 3970 muni d'une carte bancaire",
      locale: 'fr',
      errors: [{ messageId: 'missing', text: "Merci de nous contacter au 3970 muni d'une carte bancaire" }],
    },
    {
      body: 'Afin de faire le point sur votre compte, merci de nous rappeler.',
      locale: 'fr',
      errors: [{ messageId: 'missing', text: 'merci de nous rappeler' }],
    },
    { body: 'Veuillez nous contacter concernant votre dossier.', locale: 'fr', errors: [{ messageId: 'missing', text: 'Veuillez nous contacter concernant votre dossier' }] },
    {
      body: 'Nous vous demandons de régler 45 €, sinon votre dossier sera clos.',
      locale: 'fr',
      errors: [{ messageId: 'missing', text: 'Nous vous demandons de régler 45 €' }],
    },
    {
      body: 'Votre contrat nécessite une action de votre part. Connectez-vous sur {{lien}}.',
      locale: 'fr',
      errors: [{ messageId: 'missing', text: 'Connectez-vous sur {{lien}}' }],
    },
    {
      body: "En cas d'absence, merci de prévenir le secrétariat au 01 23 45 67 89.",
      locale: 'fr',
      errors: [{ messageId: 'missing', text: 'merci de prévenir le secrétariat au 01 23 45 67 89' }],
    },
    {
      body: 'Découvrez nos nouveaux forfaits sur {{lien}}. STOP au 36111',
      locale: 'fr',
      category: 'promotional',
      errors: [{ messageId: 'missing', text: 'Découvrez nos nouveaux forfaits sur {{lien}}' }],
    },
  ],
});
