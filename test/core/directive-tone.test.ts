import { ruleTable } from './cases';

const orange = "Orange alerte : votre consommation est de 197 euros. Merci de nous contacter au 3970 muni d'une carte bancaire";
const orangeBetter =
  "Orange : votre consommation hors forfait atteint 197 EUR, plus que d'habitude. Si elle vous semble normale, vous n'avez rien à faire : elle sera prélevée avec votre facture. Une question ? 3970 (gratuit).";

ruleTable('directive-tone', {
  valid: [
    // "Order" before its reference and a participle, "Update from": nouns, not orders.
    { body: 'Order {{order}} received. Thank you!' },
    { body: 'Update from {{brand}}: your items have been picked up!' },
    // A sender's tag in brackets is its name, whatever it spells; a code's validity is no order.
    { body: '[FLOW] Hi {{name}}, your payment of {{amount}} is due today. Pay at {{link}} to avoid a late fee.' },
    { body: 'Code de vérification : {{code}}. Valide 10 minutes.', locale: 'fr' },
    // English: the spec's examples of what is not directive.
    { body: 'Call 3970 to set up a payment plan.' },
    { body: "If this wasn't you, call 3970." },
    { body: 'Questions? Call 3970.' },
    { body: 'Reply STOP to opt out.' },
    // An opt-out by short code is no order (spec: opt-outs are not CTAs).
    { body: 'Our winter coats are in store now. STOP to 60060.', category: 'promotional' },
    { body: 'Never share this code.' },
    { body: 'Please note your bill is ready.' },
    { body: 'To keep your line active, you can pay at {{link}}.' },
    { body: 'Your card ending 1234 was declined. Update it at {{link}} to keep your subscription.' },
    { body: 'Your card is now active.' },
    { body: 'Great news 🎉 Your order has shipped.' },
    { body: 'Could you call us on 0800 123 456?' },
    // An obligation of someone else's is none of the recipient's.
    { body: 'Since your parcel contains alcohol, the courier must see photo ID on delivery. Please have it ready on {{date}}.' },
    // A negated urgency pushes nothing.
    { body: "Votre colis est arrivé à l'agence. Ce n'est pas urgent, passez le retirer quand vous pourrez.", locale: 'fr' },
    { body: 'Your bill of £61.00 is overdue. Please pay by {{due_date}} at {{link}} to avoid a £5 late fee.' },
    { body: 'Your {{AMOUNT}} payment was received. Thank you!' },
    { body: "HMRC: you're owed a refund. You don't need to do anything." },
    { body: 'NOVA Bank: your statement is ready.', sender: 'NOVA Bank' },
    { body: 'ACME: your statement is ready.', config: { allowedCapitals: ['acme'] } },
    // Capitals that are the sender's name (before the message, in its sign-off) or a keyword to type.
    { body: 'ORACLE: 200 SMS credits were added to your account.' },
    { body: 'SUNU YOON - your booking is confirmed for {{date}}.' },
    // Capitals right before a service's noun name its brand or product.
    { body: 'Your ZENKO verification code is {{code}}. It expires in 10 minutes.' },
    // In French the name follows the noun: capitals right after a service's noun or "chez" name it.
    { body: 'Votre colis CHRONOPOST sera livré demain entre 9h et 13h.', locale: 'fr' },
    { body: 'Bienvenue chez BOULANGER ! Votre carte fidélité est active.', locale: 'fr' },
    // Capitals right after an acronym allowed in capitals carry on its name (spec: "TGV LYRIA").
    { body: 'Votre TGV INOUI {{train}} est à quai voie {{voie}}. Bon voyage !', locale: 'fr' },
    { body: 'Your repair is booked for {{date}}. Thanks - KWIKFIX' },
    // Keywords to type, listed ("reply SERVICE, PRAYER or HELP"), are none of them shouting.
    { body: 'Thanks for your message. To get our menu, reply SERVICE, PRAYER or HELP.' },
    // ... and each with what it does ("NO to decline"), or after the words of the request.
    { body: 'New estimate request for {{service}}. Reply YES to accept, NO to decline, BUSY for another time, or BAD to dispute.' },
    { body: 'Sorry, I did not catch that. Reply with a number, or SKIP.' },
    // Capitals before a word with its own capital are one name ("WALI Livraison"), not shouting.
    { body: 'Votre code de vérification SOLEIL Livraison est : {{otp}}. Il expire dans 5 minutes.', locale: 'fr' },
    // A need the sender says it understands is no order; a reminder's count is no alarm ("Second notice:", not "NOTICE:").
    { body: 'We understand you need to change your booking. Please call us on {{phone}} to confirm the new date.' },
    { body: 'Second notice: invoice {{number}} is 15 days past due. Please pay at {{link}} to avoid a late fee.' },
    // Urgency in what the sender does next ("and we'll … right away") dates the sender's action (spec).
    { body: 'Still keen on a quote? Reply YES and we’ll call you right away.' },
    // Urgency after a purpose with a subject of its own tells of that purpose, not of the request.
    { body: 'Send us any addresses you like and we will prepare the letter so you can make an offer immediately.' },
    { body: 'Envoyez-nous vos adresses préférées et nous préparerons le courrier pour que vous puissiez faire une offre immédiatement.', locale: 'fr' },
    // A need the condition supposes is no obligation; an imperative asked as a question is no order.
    { body: 'Welcome aboard. If for any reason you need to reach the crew, reply to this message.' },
    { body: 'Your 3pm tour is on Friday. Cancel it? Reply YES or NO.' },
    // "Valide 5 minutes" says how long a code lasts: the adjective, not "valider".
    { body: 'Votre code : {{code}}. Valide 5 minutes. Ne le partagez avec personne.', locale: 'fr' },
    // A label of a link to look at is an offer to look, not an order (the corpus: "Track them: {{link}}").
    { body: 'Your visit on {{date}} is confirmed. View or cancel: {{link}}' },
    { body: 'Votre colis est en route. Suivez votre colis : {{lien}}', locale: 'fr' },
    // Capitals that spell no word of the language name something (spec: brands, agencies, currencies);
    // without a vowel they spell none, whatever the dictionary's filter says.
    { body: 'Hi {{name}}, there was an issue processing the payment for your HMNP booking. Please check your email.' },
    { body: 'Vous avez maintenant accès à la plateforme de la DTAI. Vos codes sont envoyés par e-mail.', locale: 'fr' },
    { body: 'SmartLink : abonnement renouvelé, 5000 FCFA reçus. Vos services sont visibles.', locale: 'fr' },
    { body: 'Your update was saved. Send "CANCEL" to remove it.' },
    { body: 'Your order is ready. Text COLLECT to {{number}} to choose a pick-up slot.' },
    { body: 'Votre commande est prête. Répondez RETRAIT pour choisir un créneau.', locale: 'fr' },
    { body: 'Nous avons reçu la pièce pour votre réparation. L’équipe KWIKFIX.', locale: 'fr' },
    { body: 'Your results are back. This is not urgent: you can call us to book a review.' },
    { body: 'Need help? Call us now on 0800 123 456.' },
    { body: 'Not you? Call us on 0800 000 000.' },
    { body: 'Please could you call us back on 0800 000 000?' },
    { body: 'Should you wish to change your delivery slot, visit {{link}}.' },
    { body: 'Please DO NOT reply to this message.' },
    // A longer name that starts like a word ("advance") is left to the model, which reads no shouting here.
    { body: 'Your ADVANCIA PAYLEDGER login code is: {{code}} Never share this code. Valid for 10 minutes.' },
    // A title or a signature of capitalized words set apart by a dash only looks like an order.
    { body: 'Dear Parent, we have received your payment of GH₵{{amount}} for {{student_name}}. Thank you. - Mark Finley APS' },
    { body: 'Order Update - #{{order_id}} Hi {{customer_name}}, your order has been confirmed. We will collect your items soon.' },
    // "Vous devez" and an amount is a debt, as "vous nous devez" (spec): no obligation.
    { body: 'Rappel : vous devez {{montant}} FCFA pour la tontine avant le {{date}}.', locale: 'fr' },
    // A noun is not an obligation.
    { body: 'Summer is here. Shop beach bag must-haves, 20% off until Sunday: {{link}}', category: 'promotional' },
    // French.
    { body: orangeBetter, locale: 'fr', sender: 'Orange' },
    { body: 'Vous nous devez 40 €. Vous pouvez régler sur {{lien}} pour éviter des frais.', locale: 'fr' },
    { body: 'Veuillez noter que votre facture est disponible.', locale: 'fr' },
    { body: 'Ne communiquez jamais ce code.', locale: 'fr' },
    { body: 'Pour toute question : 3970.', locale: 'fr' },
    { body: 'Votre code est {{code}}. STOP au 36111', locale: 'fr' },
    { body: "Si ce n'est pas vous, appelez le 09 69 32 00 00.", locale: 'fr' },
    { body: 'Pourriez-vous nous rappeler au 01 23 45 67 89 ?', locale: 'fr' },
    { body: 'Dès réception de votre paiement, nous expédions votre commande.', locale: 'fr' },
    { body: 'SNCF : votre TER de 7h42 est supprimé en raison d’une grève.', locale: 'fr' },
    { body: 'Merci de ne pas répondre à ce SMS.', locale: 'fr' },
    { body: 'Orange\u00a0: votre facture est impayée\u00a0! Merci de la régler sur {{lien}} pour éviter une suspension.', locale: 'fr' },
    { body: 'Une question\u00a0? Appelez le 3970.', locale: 'fr' },
    { body: 'Merci d’avoir choisi Mobilia ! Votre ligne est active.', locale: 'fr' },
    { body: 'Votre rendez-vous est confirmé le {{date}} à {{heure}}.', locale: 'fr' },
    { body: 'Pas vous ? Appelez le 09 00 00 00 00.', locale: 'fr' },
    { body: "Ce n'est pas urgent : vous pouvez nous rappeler pour fixer un rendez-vous.", locale: 'fr' },
    { body: "Votre colis est disponible dès maintenant. Retirez-le avant le {{date}}, passé ce délai il sera retourné.", locale: 'fr' },
  ],
  invalid: [
    { body: 'Call 3970.', errors: [{ messageId: 'bareOrder', text: 'Call 3970' }] },
    // A title that pushes is an order: "Now" is pressure.
    {
      body: 'Shop Now - new arrivals in store.',
      category: 'promotional',
      errors: [
        { messageId: 'pressure', text: 'Now' },
        { messageId: 'bareOrder', text: 'Shop Now' },
      ],
    },
    {
      body: 'Acme ALERT: your usage is {{amount}} GBP. Please contact us on 333 with your bank card ready.',
      sender: 'Acme',
      errors: [
        { messageId: 'alarm', text: 'ALERT' },
        { messageId: 'bareOrder', text: 'Please contact us on 333 with your bank card ready' },
      ],
    },
    {
      body: 'You must pay your bill.',
      errors: [
        { messageId: 'obligation', text: 'You must' },
        { messageId: 'bareOrder', text: 'You must pay your bill' },
      ],
    },
    { body: 'Your payment failed. Update your card now at {{link}}.', errors: [{ messageId: 'pressure', text: 'now' }] },
    { body: "If this wasn't you, call us straight away.", errors: [{ messageId: 'pressure', text: 'straight away' }] },
    {
      body: 'Complete web check-in for your flight at the earliest to avoid the airport check-in fee.',
      errors: [{ messageId: 'pressure', text: 'at the earliest' }],
    },
    { body: 'Your code is {{otp}}. NEVER share it.', errors: [{ messageId: 'shouting', text: 'NEVER' }] },
    // A word the dictionary reads whole shouts in a calm message too, whatever the model reads.
    { body: 'Your parking code is {{code}}. NEVER share it with anyone: it opens your garage.', errors: [{ messageId: 'shouting', text: 'NEVER' }] },
    // After a service's noun, capitals shout: only before it do they name a product.
    { body: 'Your account WILL be closed on {{date}}. Pay at {{link}} to keep it.', errors: [{ messageId: 'shouting', text: 'WILL' }] },
    // Capitals after a reply's keyword and what it does are no keyword when no capitals begin their item.
    {
      body: 'Your payment is late. Pay it today to avoid fees, THEN CALL US.',
      errors: [
        { messageId: 'shouting', text: 'THEN' },
        { messageId: 'shouting', text: 'CALL' },
      ],
    },
    // With the sender declared, capitals before the colon are not its name.
    { body: 'HUGE SALE: 30% off knitwear this weekend at {{link}}.', sender: 'Loomly', category: 'promotional', errors: [{ messageId: 'shouting', text: 'HUGE' }, { messageId: 'shouting', text: 'SALE' }] },
    { body: 'Great news!! Your parcel arrives today.', errors: [{ messageId: 'exclamations', text: '!!' }] },
    { body: 'Wow! Your parcel is here!', errors: [{ messageId: 'exclamations', text: '! Your parcel is here!' }] },
    {
      body: 'FINAL NOTICE: your bill is overdue. Pay at {{link}} to avoid a late fee.',
      errors: [{ messageId: 'pressure', text: 'FINAL NOTICE' }],
    },
    {
      body: 'It is essential that you contact us.',
      errors: [
        { messageId: 'obligation', text: 'It is essential that you' },
        { messageId: 'bareOrder', text: 'It is essential that you contact us' },
      ],
    },
    { body: 'We need you to send us a copy of your ID.', errors: [{ messageId: 'bareOrder', text: 'We need you to send us a copy of your ID' }] },
    { body: 'Please call us to discuss your account.', errors: [{ messageId: 'bareOrder', text: 'Please call us to discuss your account' }] },
    {
      body: 'You’ll need to show your ID at the desk.',
      errors: [
        { messageId: 'obligation', text: 'You’ll need to' },
        { messageId: 'bareOrder', text: 'You’ll need to show your ID at the desk' },
      ],
    },
    { body: 'Please be at the gate by 10:40.', errors: [{ messageId: 'bareOrder', text: 'Please be at the gate by 10:40' }] },
    {
      body: 'We kindly ask you to return the equipment by {{date}}.',
      errors: [{ messageId: 'bareOrder', text: 'We kindly ask you to return the equipment by {{date}}' }],
    },
    { body: 'Your bill is due. SETTLE it at {{link}}.', errors: [{ messageId: 'shouting', text: 'SETTLE' }] },
    { body: 'Important: your direct debit failed. Please update your bank details.', errors: [{ messageId: 'alarm', text: 'Important' }] },
    // Spec: a warning sign heading the message or a sentence is an alarm label, an emoji before a capital ends a sentence.
    { body: '⚠️ Your card expired. To keep your plan, you can update it at {{link}}.', errors: [{ messageId: 'alarm', text: '⚠️' }] },
    { body: 'Your card expired. 🚨 To keep your plan, you can update it at {{link}}.', errors: [{ messageId: 'alarm', text: '🚨' }] },
    { body: 'Hello ❗ Your card expired. To keep your plan, you can update it at {{link}}.', errors: [{ messageId: 'alarm', text: '❗' }] },
    {
      body: 'Parents must contact the school office TODAY.',
      errors: [
        { messageId: 'obligation', text: 'must' },
        { messageId: 'bareOrder', text: 'must contact the school office TODAY' },
        { messageId: 'shouting', text: 'TODAY' },
      ],
    },
    // French.
    {
      body: orange,
      locale: 'fr',
      sender: 'Orange',
      errors: [
        { messageId: 'alarm', text: 'alerte' },
        { messageId: 'bareOrder', text: "Merci de nous contacter au 3970 muni d'une carte bancaire" },
      ],
    },
    { body: 'Banque du Val : voici votre code de connexion {{code}}. Ne le communiquez JAMAIS, même à un conseiller.', locale: 'fr', errors: [{ messageId: 'shouting', text: 'JAMAIS' }] },
    // After a noun, capitals that describe shout: a participle, an adjective.
    { body: 'Votre compte BLOQUÉ depuis le {{date}} attend votre règlement.', locale: 'fr', errors: [{ messageId: 'shouting', text: 'BLOQUÉ' }] },
    { body: 'Votre dossier INCOMPLET est en attente.', locale: 'fr', errors: [{ messageId: 'shouting', text: 'INCOMPLET' }] },
    { body: 'Votre mot de passe est votre DATE de naissance.', locale: 'fr', errors: [{ messageId: 'shouting', text: 'DATE' }] },
    {
      body: 'Vous devez régler votre facture.',
      locale: 'fr',
      errors: [
        { messageId: 'obligation', text: 'Vous devez' },
        { messageId: 'bareOrder', text: 'Vous devez régler votre facture' },
      ],
    },
    // Protective advice in capitals shouts (spec), though the French dictionary reads only a word's start: the language lists it.
    { body: 'Banque du Val : voici votre code de connexion {{code}}. Ne le communiquez JAMAIS, même à un conseiller.', locale: 'fr', errors: [{ messageId: 'shouting', text: 'JAMAIS' }] },
    // An opt-out keyword written after the request as its footer hides only itself, not the request.
    {
      body: 'Amis des Bêtes : faites un don sur {{lien}} STOP 36111',
      locale: 'fr',
      category: 'promotional',
      errors: [{ messageId: 'bareOrder', text: 'faites un don sur {{lien}}' }],
    },
    // A summons is an obligation (spec), with an adverb inside it and in inclusive writing.
    {
      body: 'Votre audience a été modifiée. Vous êtes désormais convoqué.e le {{date}} au tribunal.',
      locale: 'fr',
      errors: [{ messageId: 'obligation', text: 'Vous êtes désormais convoqué' }],
    },
    {
      body: 'Il est indispensable de mettre à jour vos coordonnées.',
      locale: 'fr',
      errors: [
        { messageId: 'obligation', text: 'Il est indispensable de' },
        { messageId: 'bareOrder', text: 'Il est indispensable de mettre à jour vos coordonnées' },
      ],
    },
    {
      body: 'Le Dr Martin vous invite à reprendre rendez-vous.',
      locale: 'fr',
      errors: [{ messageId: 'bareOrder', text: 'vous invite à reprendre rendez-vous' }],
    },
    {
      body: 'Votre paiement a été refusé. Merci de mettre à jour votre carte immédiatement.',
      locale: 'fr',
      errors: [{ messageId: 'pressure', text: 'immédiatement' }],
    },
    // Urgency as a clause of its own beside the request pushes it as much as inside it.
    {
      body: "Nos réserves de sang sont au plus bas. Venez donner votre sang, c'est urgent !",
      locale: 'fr',
      errors: [{ messageId: 'pressure', text: 'urgent' }],
    },
    {
      body: 'Réglez votre facture au plus vite !!',
      locale: 'fr',
      errors: [
        { messageId: 'bareOrder', text: 'Réglez votre facture au plus vite' },
        { messageId: 'pressure', text: 'au plus vite' },
        { messageId: 'exclamations', text: '!!' },
      ],
    },
    {
      body: 'IMPORTANT : votre contrat expire le {{date}}. Renouvelez-le sur {{lien}}.',
      locale: 'fr',
      errors: [{ messageId: 'alarm', text: 'IMPORTANT' }],
    },
    {
      body: 'Merci de rappeler le secrétariat dès réception de ce message.',
      locale: 'fr',
      errors: [
        { messageId: 'bareOrder', text: 'Merci de rappeler le secrétariat dès réception de ce message' },
        { messageId: 'pressure', text: 'dès réception de ce message' },
      ],
    },
    {
      body: 'Nous vous remercions de bien vouloir nous retourner le matériel avant le {{date}}.',
      locale: 'fr',
      errors: [{ messageId: 'bareOrder', text: 'Nous vous remercions de bien vouloir nous retourner le matériel avant le {{date}}' }],
    },
    {
      body: 'Les parents doivent contacter la vie scolaire.',
      locale: 'fr',
      errors: [
        { messageId: 'obligation', text: 'doivent' },
        { messageId: 'bareOrder', text: 'doivent contacter la vie scolaire' },
      ],
    },
  ],
});
