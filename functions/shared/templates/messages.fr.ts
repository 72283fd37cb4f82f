import { subjectTag } from '../domain/conversation.ts';
import { formattersFor } from './format.ts';
import type { Messages } from './messages.ts';

/** French punctuation: a no-break space before the colon. */
const introducing = (label: string): string => `${label}\u00a0:`;
const field = (label: string, value: string): string => `${introducing(label)} ${value}`;

export const FRENCH: Messages = {
  format: formattersFor('fr-FR'),
  field,
  documentTypes: {
    pdf: 'PDF',
    tiff: 'TIFF',
    jpeg: 'JPEG',
    png: 'PNG',
    gif: 'GIF',
    heic: 'HEIC',
    webp: 'WebP',
    text: 'texte',
    html: 'HTML',
    office: 'document Office',
    other: 'autre format',
  },
  channels: { email: 'e-mail', fax: 'fax' },
  contact: { phone: 'Tél.', fax: 'Fax', email: 'E-mail', tollFree: 'gratuit', or: 'ou' },
  reply: {
    subjects: {
      acknowledged: (reference) => `Votre demande de remboursement ${subjectTag(reference)} a bien été reçue`,
      duplicate: (reference) => field(`Votre demande de remboursement ${subjectTag(reference)}`, 'documents déjà reçus'),
      review: (reference) => `Votre demande de remboursement ${subjectTag(reference)} est en cours d'examen`,
      reminder: (reference) => field('Rappel', `votre demande de remboursement ${subjectTag(reference)} attend des informations`),
      needsInfo: {
        documents: (reference) => field(`Votre demande de remboursement ${subjectTag(reference)}`, 'justificatifs manquants'),
        'member-number': (reference) =>
          field(`Votre demande de remboursement ${subjectTag(reference)}`, "numéro d'adhérent nécessaire"),
      },
      rejected: (reference) => field(`Votre demande de remboursement ${subjectTag(reference)}`, 'refusée'),
    },
    greeting: (name) => (name ? `Bonjour ${name},` : 'Bonjour,'),
    receivedUnder: (reference) =>
      `Nous avons bien reçu votre demande de remboursement. Elle est enregistrée sous la référence ${reference}.`,
    documentsReceived: introducing('Documents reçus'),
    forwardedTo: (route, administratorName, country) => {
      const territory = route === 'MAI' ? 'hors des États-Unis' : 'aux États-Unis';
      const where = country ? ` (${field('pays des soins', country)})` : '';
      return `Nous l'avons transmise à ${administratorName}, qui gère les remboursements des soins reçus ${territory}${where}.`;
    },
    contactFor: introducing('Pour toute question sur ce remboursement, contactez'),
    tracking: introducing('Suivez votre remboursement en ligne'),
    statusLink: introducing('Suivez votre demande sur notre page de suivi'),
    assistance: {
      title: introducing('Assistance médicale Cigna, 24 h/24 et 7 j/7'),
      outsideUsa: 'Hors des États-Unis',
      usa: 'Aux États-Unis',
      line: (place, phone, faxes) => field(place, `${phone} (${field('fax', faxes.join(' ou '))})`),
    },
    keepReference: (reference) =>
      field(`Conservez bien la référence ${reference}`, 'rappelez-la pour toute question sur cette demande.'),
    duplicate: {
      alreadyReceived: (reference) =>
        `Les documents joints à votre message ont déjà été reçus sous la référence ${reference}.`,
      notSentAgain: "Ils ne seront donc pas transmis une seconde fois, et vous n'avez pas besoin de les renvoyer.",
      underReview: "Cette demande est en cours d'examen par notre équipe\u00a0; nous reviendrons vers vous si nécessaire.",
    },
    review: {
      reasons: {
        'member-not-active': "Votre contrat n'apparaît pas comme actif dans nos fichiers.",
        'several-countries': 'Vos documents semblent concerner des soins reçus dans plusieurs pays.',
        'country-unclear': 'Vos documents ne nous ont pas permis de déterminer dans quel pays les soins ont été reçus.',
      },
      personWillCheck:
        "Un membre de notre équipe va examiner votre demande et vous recontactera si des informations complémentaires sont nécessaires. Vous n'avez pas besoin de la renvoyer.",
    },
    needsInfo: {
      documents: {
        explanation: (reference) =>
          `Nous avons bien reçu votre message (référence ${reference}), mais aucun justificatif n'y était joint.`,
        request:
          'Pour que votre demande de remboursement puisse être traitée, merci de nous envoyer vos factures et reçus en pièces jointes, au format PDF ou en photo, en réponse à ce message.',
      },
      'member-number': {
        explanation: (reference) =>
          `Nous avons bien reçu votre message (référence ${reference}), mais nous n'avons pas pu vous identifier comme adhérent.`,
        request:
          "Merci de nous renvoyer votre demande depuis l'adresse e-mail enregistrée dans votre dossier d'adhérent, en indiquant votre numéro d'adhérent CFE / Cigna (il figure sur votre carte d'adhérent Cigna) et en joignant vos factures et reçus.",
      },
    },
    rejected: {
      notAccepted: (reference) =>
        `Notre équipe a examiné votre demande de remboursement ${reference} et n'a pas pu l'accepter.`,
      reason: (reason) => field('Motif', reason),
      whatNext: (reference) =>
        `Si vous pensez qu'il s'agit d'une erreur, ou pour nous envoyer ce qui manquait, répondez à ce message en rappelant la référence ${reference}.`,
    },
    reminder: (reference) =>
      `Nous vous avons écrit au sujet de votre demande de remboursement ${reference}\u00a0: il nous manque toujours les informations ci-dessous pour la traiter.`,
    closing: ['Cordialement,', 'Le service de réception des demandes de remboursement'],
    sentAutomatically: 'Ce message vous a été envoyé automatiquement.',
  },
  forward: {
    subject: (reference, memberId, country) =>
      [
        `Demande ${subjectTag(reference)}`,
        `adhérent ${memberId ?? 'inconnu'}`,
        country ? field('pays des soins', country) : 'pays des soins non déterminé',
      ].join(' – '),
    followUpSubject: (reference, memberId) =>
      [`Complément à la demande ${subjectTag(reference)}`, `adhérent ${memberId ?? 'inconnu'}`, 'nouveaux documents'].join(' – '),
    intro: 'Veuillez trouver ci-joint une demande de remboursement reçue par notre service, pour traitement.',
    followUpIntro:
      "Veuillez trouver ci-joint de nouveaux documents envoyés par l'adhérent pour une demande que nous vous avons déjà transmise sous la même référence. Seuls les nouveaux documents sont joints.",
    labels: {
      reference: 'Référence',
      memberNumber: "Numéro d'adhérent",
      memberName: "Nom de l'adhérent",
      channel: 'Reçue par',
      receivedAt: 'Reçue le',
      treatmentCountry: 'Pays des soins',
      faxCaller: "Numéro de l'appelant (fax)",
      faxStation: 'Identifiant du télécopieur',
      faxPages: 'Nombre de pages (fax)',
    },
    unknown: 'inconnu',
    evidence: introducing('Éléments indiquant le lieu des soins'),
    strength: { strong: 'indice fort', medium: 'indice moyen', weak: 'indice faible' },
    decision: introducing('Motifs de la décision (en anglais)'),
    documents: introducing('Documents'),
    none: 'aucun',
    textRead: 'texte lu',
    textNotRead: (reason) => (reason ? `texte non lu (${reason})` : 'texte non lu'),
    attachedUnchanged: 'Documents originaux joints sans modification.',
    fhirClaimAttached: (filename) => `Les factures lues sont jointes au format FHIR R4 (ressource Claim) pour vos systèmes\u00a0: ${filename}.`,
  },
  invoices: {
    read: introducing('Factures lues (prestataire – dates des soins – total)'),
    totals: introducing('Totaux par devise'),
    readForMember: introducing('Les factures que nous avons lues dans vos documents'),
    checkThem: "Si l'une d'elles est erronée ou manque, répondez à ce message pour nous le dire.",
    providerUnknown: 'prestataire non lu',
    datesUnknown: 'dates non lues',
    totalUnknown: 'total non lu',
    summedFromLines: 'somme des lignes',
    currencyUnknown: 'devise non lue',
  },
  statusPage: {
    title: (reference) => `Suivi de la demande ${reference}`,
    heading: (reference) => `Votre demande de remboursement ${reference}`,
    now: {
      received: "Reçue\u00a0: nous la transmettons à l'organisme qui gère votre remboursement.",
      forwarded: (administratorName) =>
        administratorName
          ? `Transmise à ${administratorName}, qui gère votre remboursement.`
          : "Transmise à l'organisme qui gère votre remboursement.",
      duplicate: (originalReference) =>
        `Ces documents avaient déjà été reçus${originalReference ? ` avec la demande ${originalReference}` : ''}\u00a0; ils n'ont pas été transmis une seconde fois.`,
      review: "En cours d'examen par notre équipe, qui vous recontactera si nécessaire.",
      needsInfo: 'En attente\u00a0: il nous manque des informations pour la traiter. Voyez le message que nous vous avons envoyé.',
      ignored: "Non traitée\u00a0: ce message n'a pas été reconnu comme une demande de remboursement.",
      quarantined: 'Non traitée\u00a0: ce message a été écarté par nos contrôles de sécurité.',
      rejected: "Refusée\u00a0: notre équipe n'a pas pu accepter cette demande. Le message que nous vous avons envoyé en donne la raison.",
    },
    receivedOn: 'Reçue le',
    handledBy: 'Traitée par',
    trackingPortal: (administratorName) => `Suivre votre remboursement sur le portail de ${administratorName}`,
    historyTitle: 'Historique',
    history: {
      RECEIVED: 'reçue',
      FORWARDED: 'transmise',
      DUPLICATE: 'documents déjà reçus',
      REVIEW: "en cours d'examen",
      NEEDS_INFO: 'informations demandées',
      IGNORED: 'non traitée',
      QUARANTINED: 'écartée',
      REJECTED: 'refusée',
    },
    steps: {
      'information-received': 'informations reçues',
      'follow-up-forwarded': 'complément transmis',
    },
    documentsTitle: 'Documents reçus',
    document: (position, description) => field(`Document ${position}`, description),
    noDocuments: 'Aucun document joint.',
    privacyNote:
      "Rappelez la référence de votre demande pour toute question. Cette page ne montre ni votre nom ni vos coordonnées, seulement où en est votre demande.",
    notFound: {
      title: "Ce lien de suivi n'est pas valide",
      explanation:
        'Il a peut-être expiré, ou il a été copié incomplètement. Utilisez le lien complet du message que nous vous avons envoyé.',
      help: "Pour toute question sur votre remboursement, contactez l'organisme qui le gère en rappelant la référence de votre demande.",
    },
  },
};
