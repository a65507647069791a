import { builtInLocales, createLinter, type Template } from '../../lib/engine';

/**
 * What the analysis reads as a reason, without the learned layer (a locale with no tone model
 * decides by its analysis alone): the reason cues the models build on must follow the spec.
 */
const analysisAlone = createLinter({ locales: builtInLocales.map((locale) => ({ ...locale, toneModel: undefined })) });

function reasonCues(body: string, locale = 'en', category: Template['category'] = 'transactional'): string[] {
  const features = analysisAlone.toneFeatures({ locale, category, body });
  // The cues alone, not their places relative to the request (`c=event@before`).
  return [...features.keys()].filter((name) => /^c=(?:cause|event|offer|purpose|eventCondition|avoidance)(?:\.[\w.]+)?$/.test(name)).sort();
}

function missesReason(body: string, locale = 'en', category: Template['category'] = 'transactional'): boolean {
  return analysisAlone.lint({ locale, category, body }).findings.some((finding) => finding.ruleId === 'missing-rationale');
}

describe('reasons the analysis reads', () => {
  it('takes nothing a topic names for a reason (spec: "about your account" is no reason)', () => {
    expect(reasonCues('Please call us on 0330 555 0123 about your home insurance renewal.')).toEqual(['c=event.topic']);
    expect(missesReason('Please call us on 0330 555 0123 about your home insurance renewal.')).toBe(true);
    expect(reasonCues('Merci de nous rappeler pour échanger au sujet de votre sinistre.', 'fr')).toEqual(['c=event.topic']);
  });

  it('ends a topic where a new subject starts: what follows is said of something else', () => {
    // The letter waiting is the event; "concernant vos droits" only describes it.
    expect(reasonCues('Un courrier concernant vos droits vous attend dans votre espace. Consultez-le.', 'fr')).toEqual(['c=event']);
    expect(missesReason('Un courrier concernant vos droits vous attend dans votre espace. Consultez-le.', 'fr')).toBe(false);
  });

  it.each([
    ["Votre relevé d'heures ne nous est pas parvenu. Merci de nous le retourner signé."],
    ['La sortie au musée aura lieu le {{date}}. Merci de rendre l’autorisation signée.'],
    ['Des frais de dédouanement de 6,50 € sont dus pour votre colis. Réglez-les sur {{lien}}.'],
    ['Ton colis t’attend chez {{relais}}. Viens le chercher avant samedi.'],
    ['Le compte cantine de {{enfant}} est à -12,40 €. Merci de l’approvisionner sur le portail.'],
    ['Votre véhicule est prêt. Vous pouvez le récupérer dès 17h.'],
    ['Facture {{numero}} disponible. Consultez votre espace client.'],
  ])('reads an event in "%s"', (body) => {
    expect(missesReason(body, 'fr')).toBe(false);
  });

  it.each([
    ['Vidange à 69 € au lieu de 99 € tout le mois. Prenez RDV sur {{lien}}.'],
    ['Votre kWh 30 % moins cher le week-end. Simulez vos économies sur {{lien}}.'],
  ])('reads an offer with its benefit in "%s"', (body) => {
    expect(missesReason(body, 'fr', 'promotional')).toBe(false);
  });

  it.each([
    // A launch is a fact, not a reason (corpus: "our Saver Pot is now live in the app. Open one today").
    ['Our new tariff is now available! You can switch at {{link}}.', 'en'],
    ['OFFRE EXCLUSIVE pour vous. Souscrivez sur {{lien}}.', 'fr'],
    ['Exclusive offer for you. Sign up at {{link}}.', 'en'],
    ['Tickets are now on sale. Book at {{link}}.', 'en'],
  ])('reads no benefit in "%s": a label is not an offer', (body, locale) => {
    expect(missesReason(body, locale, 'promotional')).toBe(true);
  });

  it.each([
    ['App users get presale access on Thursday. Set a reminder in the app.', 'promotional'],
    ['Kids ride free on weekend trips in August. Book at {{link}}.', 'promotional'],
    ['Your number hasn’t been used for 90 days. Top up at {{link}}.', 'transactional'],
    ['A snow emergency is in effect from 8pm. Move vehicles off snow routes.', 'transactional'],
  ] as const)('reads a reason in "%s"', (body, category) => {
    expect(missesReason(body, 'en', category)).toBe(false);
  });

  it.each([
    ['Our tool is working again. To continue filing your taxes, log in at {{link}}.', 'en'],
    ['Your account was created. Set your password at {{link}}.', 'en'],
    ['Your payment was processed. Use {{reference}} for future reference.', 'en'],
    ['Vous avez manqué votre rendez-vous du {{date}}, merci de contacter le {{telephone}}.', 'fr'],
    // Events in the forms real templates of public apps use (a letter sent, a state changed, an event coming).
    ['We mailed your letter to your landlord. Track it at {{tracking_url}}.', 'en'],
    ['Your volunteer account has been reactivated. Log in with your usual password.', 'en'],
    ['Two bills are awaiting payment confirmation. Please mark them as paid at {{link}}.', 'en'],
    ['Would you leave us a quick review? It really helps us out: {{link}}', 'en'],
    ['If no one shows up within 24 hours, please text HELP to {{number}} again.', 'en'],
    ['Le formulaire envoyé n’est pas reconnu. Merci de le corriger et de le renvoyer.', 'fr'],
    ['Dans quelques jours, votre annonce ne sera plus valide. Renouvelez-la sur {{plateforme}}.', 'fr'],
    ['{{conducteur}} a annulé son trajet. Trouvez un autre covoiturage sur {{plateforme}}.', 'fr'],
    ['{{coach}} vous a envoyé un message. Répondez-lui sur {{url}}.', 'fr'],
    ['Your quote has been generated. Please check your account.', 'en'],
    ['Your verification status changed. Open the app.', 'en'],
    ["It's about time for {{pet}}'s next groom. Book your spot: {{link}}", 'en'],
    ['Pour te connecter à ton espace, clique sur le lien suivant : {{lien}}', 'fr'],
    ['Bonjour, votre ordonnance est terminée. Pensez à nous rapporter la nouvelle.', 'fr'],
    ['Pourriez-vous noter notre service sur {{lien}} ? Vos réponses nous aident à améliorer le suivi.', 'fr'],
    ['Would you rate your visit at {{link}}? Your answers to our survey really help us improve.', 'en'],
    // Events of unseen real templates: a change made, a visit announced, an amount due, a confirmed booking, a saved cart.
    ['Le prix de votre commande a été mis à jour, veuillez payer les frais de service supplémentaires.', 'fr'],
    ['The price of your order has been updated. Please pay the extra service fee.', 'en'],
    ['Notre livreur viendra récupérer votre sapin demain. Nous vous invitons à le laisser à un endroit accessible.', 'fr'],
    ['Your engineer will visit on {{date}}. Please make sure someone over 18 is at home.', 'en'],
    ['Rappel : 50 000 FCFA à régler dans 5 jours pour votre contrat. Payez via CorisMoney.', 'fr'],
    ['Appointment confirmed for {{date}} at {{time}}. Please arrive 15 minutes early.', 'en'],
    ['Your payment to {{business}} is scheduled for tomorrow. Pay easily here: {{link}}.', 'en'],
    ['Exam results for {{student}} are now available. Please contact the school for details.', 'en'],
    ['Votre inscription est désormais validée. Connectez-vous sur {{lien}}.', 'fr'],
    // Set 16: an application accepted, a transfer that did not go through, a no-show, a share that counts (after an arrow).
    ['Bonne nouvelle : votre demande a été acceptée. Merci de signer le contrat sur {{lien}}.', 'fr'],
    ['Great news, your application has been accepted. Please sign the agreement at {{link}}.', 'en'],
    ["Ton virement de {{montant}} € n'est pas passé. Vérifie ton IBAN sur {{lien}}.", 'fr'],
    ['Vous ne vous êtes pas présenté à votre rendez-vous du {{date}}. Merci de rappeler le {{telephone}}.', 'fr'],
    ["You didn't attend your appointment on {{date}}. Please call {{phone}} to book another.", 'en'],
    // Set 17: a code not found, an appointment someone scheduled for you, someone's need.
    ['Please check the reference in your message: no such booking was found.', 'en'],
    ['Merci de vérifier votre numéro : aucun dossier trouvé.', 'fr'],
    ['Dr {{name}} has scheduled a follow-up appointment for you. Please confirm.', 'en'],
    // Set 19: a job completed, a result that shows a risk, a balance unpaid for days.
    ['Job {{ref}} has been completed by {{vendor}}. Review the photos: {{link}}', 'en'],
    ['L’intervention {{ref}} a été réalisée par {{technicien}}. Consultez le rapport : {{lien}}', 'fr'],
    ['Your assessment shows elevated risk. Please book a review with your doctor: {{link}}', 'en'],
    ['Votre bilan montre un taux élevé. Merci de prendre rendez-vous avec votre médecin.', 'fr'],
    ['£{{balance}} unpaid for {{days}} days. Please pay at {{link}}.', 'en'],
    ['{{montant}} € impayés depuis {{jours}} jours. Merci de régler sur {{lien}}.', 'fr'],
    // Set 20: a chat waiting (not "a chat" to have), a slot that opened up, a profile someone created for you.
    ['You have a chat waiting on {{app}}. Download the app: {{link}}', 'en'],
    ['A {{service}} slot just opened up on {{date}}. Book it here: {{link}}', 'en'],
    ['Un créneau vient de se libérer le {{date}}. Réservez-le sur {{lien}}', 'fr'],
    ['{{name}} created a profile for you on {{platform}}. Confirm or remove it: {{url}}', 'en'],
    // Set 21: a date passed, an order almost ready, a booking cancelled as a headline, a meeting scheduled.
    ['La date de votre contrôle technique est dépassée. Pensez à prendre rendez-vous.', 'fr'],
    ['Votre commande est presque prête, veuillez vous rendre au point de retrait.', 'fr'],
    ['Your order is almost ready. Please head to the pickup counter.', 'en'],
    ['Booking cancelled: {{date}}, {{time}}. Check the dashboard: {{link}}', 'en'],
    ['You have a meeting scheduled for {{date}}. Please review the details and approve.', 'en'],
    // A bill said to be issued is the reason to pay it (spec), with its month and amount between.
    ["Votre facture de {{mois}} d'un montant de {{montant}} € est disponible. Merci de la régler avant le {{date}}.", 'fr'],
    ['Your bill for {{month}} of £{{amount}} is now available. Please pay it by {{date}}.', 'en'],
    // A notice "d'impôt" is no opinion ("votre avis" asks one): the notice issued is the reason.
    ["Votre avis d'impôt sur le revenu est disponible. Vous pouvez régler le solde sur {{lien}}.", 'fr'],
    ['Votre médecin vous a planifié un rendez-vous de suivi. Veuillez confirmer.', 'fr'],
    ['Someone near you needs a lift to the polling station. Confirm you can help: {{link}}', 'en'],
    ["Quelqu'un près de chez vous a besoin d'une procuration. Confirmez votre disponibilité : {{lien}}", 'fr'],
  ])('reads the reason of "%s"', (body, locale) => {
    expect(missesReason(body, locale)).toBe(false);
  });

  it.each([
    ['We will text you a day before your hearing. Call us at {{phone}} with any other questions.', 'en'],
    ['Votre rendez-vous est modifié. En cas de problème, contactez le {{telephone}}.', 'fr'],
    ['RDV {{titre}} le {{date}}. Gérer mon RDV : {{url}}', 'fr'],
    ['Your order is on its way. Track my order: {{url}}', 'en'],
    ['Your vehicle was handed over to our showroom. For any inquiries, please contact 0112 413 865.', 'en'],
    ['Votre dossier est complet. Pour toute autre question, contactez le {{telephone}}.', 'fr'],
    ['Thanks for purchasing {{product}} from {{company}}. Find your bill at {{url}}', 'en'],
    ['Your order has been delivered to Room {{room}}. If you need anything else, just let us know!', 'en'],
    ['Votre commande est livrée. Si vous avez besoin de quoi que ce soit, contactez-nous.', 'fr'],
    // Set 16: enquiries as well as questions, a noun before a colon, a keyword to opt back in (spec: not a CTA).
    ['Thanks for your message, we will call you back within 2 days. If you have any other enquiries you can email us at {{email}}', 'en'],
    ['Si vous avez d’autres demandes, vous pouvez nous écrire à {{email}}.', 'fr'],
    ['We would like to remind you of your visit on {{date}}. Visit details and reschedule options: {{link}}', 'en'],
    ['You have opted out and will receive no more texts. Reply START to opt in again.', 'en'],
    ['Vous ne recevrez plus nos SMS. Répondez START pour vous réabonner.', 'fr'],
    // Set 17: a new ability stated (spec: an offer in a transactional message), a keyword to cancel, a menu of options, opt-in keywords.
    ['Your account is ready. You can now sign in with your phone number.', 'en'],
    ['Votre compte est prêt. Vous pouvez maintenant vous connecter avec votre numéro.', 'fr'],
    ['Table booked for {{date}} at {{time}}. Reply CANCEL to cancel.', 'en'],
    ['Votre RDV est confirmé le {{date}}. Modifier/Annuler : {{lien}}', 'fr'],
    ['Your booking is confirmed for {{date}}. Change or cancel: {{link}}', 'en'],
    ['Vos alertes sont suspendues. Pour recevoir à nouveau nos SMS, répondez START.', 'fr'],
    ['We found no update for that number. Text SUBSCRIBE followed by the number to be notified when it checks in.', 'en'],
  ])('reads no request in "%s": a help line or a link label asks nothing', (body, locale) => {
    const findings = analysisAlone.lint({ locale, category: 'transactional', body }).findings.map((finding) => finding.ruleId);
    expect(findings.filter((rule) => rule === 'directive-tone' || rule === 'missing-rationale' || rule === 'missing-consequence')).toEqual([]);
  });

  it.each([
    ['Nouvelle campagne à {{ville}} : {{tarif}} FCFA par clic vérifié. Rejoins -> {{lien}} STOP 36180', 'fr'],
    ['New campaign near you: £{{rate}} per click. Join now at {{link}}', 'en'],
    // Set 18: a promotional price, a price drop, a speed-up, what a gift does, doubled data.
    ['Tuesday tickets are £{{price}} all day for club members. Grab yours at {{link}}', 'en'],
    ['Séances à 6 € tout le mardi pour les membres. Réservez sur {{lien}}', 'fr'],
    ['Price drop! The lamp you saved is now £49 (was £79). Take a look: {{link}}', 'en'],
    ['Close your books 2x faster with our new reconciliation. See how at {{link}}', 'en'],
    ['Clôturez vos comptes deux fois plus vite avec le rapprochement automatique. Découvrez-le sur {{lien}}', 'fr'],
    ['£10 feeds a family for a week this winter. Please donate at {{link}}', 'en'],
    ['Double your data for 6 months when you upgrade before {{date}}. See plans at {{link}}', 'en'],
  ])('reads a pay rate, a price or a gain as the benefit of "%s"', (body, locale) => {
    expect(missesReason(body, locale, 'promotional')).toBe(false);
  });

  it('reads the words before a spaced arrow apart from an opt-out after it', () => {
    // The opt-out's clause is not a reason; what the arrow points away from still is.
    expect(reasonCues("Ton virement n'est pas passé -> {{lien}} STOP 36180", 'fr')).toEqual(['c=event']);
    expect(reasonCues('Your transfer did not go through → {{link}} Reply STOP to opt out')).toEqual(['c=event']);
  });

  it('reads "free" as availability, not an offer, when it is the recipient who is free', () => {
    expect(reasonCues('If you’re free on Saturday, could you let us know in the app?')).toEqual([]);
  });
});
