import { describe, expect, it } from 'vitest';
import {
  composeMemberReply,
  type MemberReplyRequest,
  type MissingInformation,
  type ReplyLanguage,
} from '../../../functions/shared/templates/index.ts';
import { claimInSpain, claimInUsa, EARLIER_REFERENCE, MARIE, MEMBER_MESSAGE_ID, REFERENCE } from './summaries.ts';

const NBSP = '\u00a0';
const NARROW_NBSP = '\u202f';
const MAI_TRACKING = 'http://expat.cigna.medical-administrators.com/fr';
const CIGNA_TRACKING = 'https://www.cignaenvoy.com';

function reply(changes: Partial<MemberReplyRequest> = {}) {
  return composeMemberReply({
    kind: 'acknowledged',
    summary: claimInSpain({ duplicateOf: EARLIER_REFERENCE }),
    to: MARIE.email,
    language: 'fr',
    inReplyTo: MEMBER_MESSAGE_ID,
    references: [MEMBER_MESSAGE_ID],
    administrators: {},
    ...changes,
  });
}

describe('composeMemberReply subjects and headers', () => {
  const fr = {
    acknowledged: `Votre demande de remboursement [${REFERENCE}] a bien été reçue`,
    duplicate: `Votre demande de remboursement [${REFERENCE}]${NBSP}: documents déjà reçus`,
    review: `Votre demande de remboursement [${REFERENCE}] est en cours d'examen`,
    documents: `Votre demande de remboursement [${REFERENCE}]${NBSP}: justificatifs manquants`,
    memberNumber: `Votre demande de remboursement [${REFERENCE}]${NBSP}: numéro d'adhérent nécessaire`,
    rejected: `Votre demande de remboursement [${REFERENCE}]${NBSP}: refusée`,
  };
  const en = {
    acknowledged: `Your claim [${REFERENCE}] has been received`,
    duplicate: `Your claim [${REFERENCE}]: documents already received`,
    review: `Your claim [${REFERENCE}] is being reviewed`,
    documents: `Your claim [${REFERENCE}]: documents missing`,
    memberNumber: `Your claim [${REFERENCE}]: member number needed`,
    rejected: `Your claim [${REFERENCE}]: declined`,
  };
  type Case = [MemberReplyRequest['kind'], MissingInformation | undefined, ReplyLanguage, string, string];
  const cases: Case[] = [
    ['acknowledged', undefined, 'fr', fr.acknowledged, REFERENCE],
    ['acknowledged', undefined, 'en', en.acknowledged, REFERENCE],
    ['acknowledged', undefined, 'both', `${fr.acknowledged} / ${en.acknowledged}`, REFERENCE],
    ['duplicate', undefined, 'fr', fr.duplicate, EARLIER_REFERENCE],
    ['duplicate', undefined, 'en', en.duplicate, EARLIER_REFERENCE],
    ['duplicate', undefined, 'both', `${fr.duplicate} / ${en.duplicate}`, EARLIER_REFERENCE],
    ['review', undefined, 'fr', fr.review, REFERENCE],
    ['review', undefined, 'en', en.review, REFERENCE],
    ['review', undefined, 'both', `${fr.review} / ${en.review}`, REFERENCE],
    ['needs-info', 'documents', 'fr', fr.documents, REFERENCE],
    ['needs-info', 'documents', 'en', en.documents, REFERENCE],
    ['needs-info', 'documents', 'both', `${fr.documents} / ${en.documents}`, REFERENCE],
    ['needs-info', 'member-number', 'fr', fr.memberNumber, REFERENCE],
    ['needs-info', 'member-number', 'en', en.memberNumber, REFERENCE],
    ['needs-info', 'member-number', 'both', `${fr.memberNumber} / ${en.memberNumber}`, REFERENCE],
    ['rejected', undefined, 'fr', fr.rejected, REFERENCE],
    ['rejected', undefined, 'en', en.rejected, REFERENCE],
    ['rejected', undefined, 'both', `${fr.rejected} / ${en.rejected}`, REFERENCE],
  ];

  it.each(cases)('%s %s in %s', (kind, missing, language, subject, reference) => {
    const message = reply({ kind, missing, language, reason: 'treatment before the membership started' });

    expect(message.subject).toBe(subject);
    expect(message.text).toContain(reference);
    expect(message.html).toContain(reference);
    expect(message.to).toBe('marie.dupont@example.fr');
    expect(message.autoSubmitted).toBe('auto-replied');
    expect(message.inReplyTo).toBe(MEMBER_MESSAGE_ID);
    expect(message.references).toEqual([MEMBER_MESSAGE_ID]);
    expect(message.attachments).toEqual([]);
  });
});

describe('composeMemberReply acknowledged', () => {
  it('tells a member treated outside the USA that MAI handles the claim, with its contacts and portal', () => {
    const message = reply();

    expect(message.text.startsWith(`Bonjour Marie Dupont,\n\nNous avons bien reçu votre demande de remboursement. Elle est enregistrée sous la référence ${REFERENCE}.\n\n`)).toBe(true);
    expect(message.text).toContain(
      `Documents reçus${NBSP}:\n- factura-clinica.pdf (PDF, 123,5${NARROW_NBSP}ko)\n- receta.jpg (JPEG, 512${NBSP}octets)`,
    );
    expect(message.text).toContain(
      `Nous l'avons transmise à MEDICAL ADMINISTRATORS INTERNATIONAL, qui gère les remboursements des soins reçus hors des États-Unis (pays des soins${NBSP}: Espagne).`,
    );
    expect(message.text).toContain(
      [
        'MEDICAL ADMINISTRATORS INTERNATIONAL',
        '37 Rue Anatole France',
        'F-92300 Levallois-Perret',
        'France',
        `Tél.${NBSP}: +33 1 42 68 01 42`,
        `Fax${NBSP}: +33 1 42 68 06 90`,
        `E-mail${NBSP}: contact@medical-administrators.com`,
      ].join('\n'),
    );
    expect(message.text).toContain(`Suivez votre remboursement en ligne${NBSP}:\n${MAI_TRACKING}`);
    expect(message.html).toContain(`<a href="${MAI_TRACKING}">${MAI_TRACKING}</a>`);
    expect(message.text).not.toContain('cignaenvoy');
    expect(message.text).toContain(
      [
        `Assistance médicale Cigna, 24 h/24 et 7 j/7${NBSP}:`,
        `- Hors des États-Unis${NBSP}: +44 (0)1475 492 197 (fax${NBSP}: +44 (0)1475 492 424)`,
        `- Aux États-Unis${NBSP}: 1 800 768 1725 (fax${NBSP}: 1 800 243 6998 ou 1 302 797 3150)`,
      ].join('\n'),
    );
    expect(message.text).toContain(
      `Conservez bien la référence ${REFERENCE}${NBSP}: rappelez-la pour toute question sur cette demande.`,
    );
    expect(message.text.endsWith(
      'Cordialement,\nLe service de réception des demandes de remboursement\n\nCe message vous a été envoyé automatiquement.\n',
    )).toBe(true);
  });

  it('tells a member treated in the USA that Cigna Global Health Benefits handles the claim, with Cigna Envoy', () => {
    const message = reply({ summary: claimInUsa(), to: 'john.smith@example.com', language: 'en' });

    expect(message.text.startsWith('Dear John Smith,\n\n')).toBe(true);
    expect(message.text).toContain('Documents received:\n- itemized-bill.pdf (PDF, 2.5 MB)');
    expect(message.text).toContain(
      'We have forwarded it to Cigna Global Health Benefits, which handles claims for treatment received in the United States.',
    );
    expect(message.text).toContain(
      [
        'Cigna Global Health Benefits',
        'PO Box 15050',
        'Wilmington, DE 19850-5050',
        'USA',
        'Phone: +1 800 768 1725 (toll-free)',
        'Fax: +1 800 243 6998 (toll-free) or +1 302 797 3150',
        'Email: Ice.Team@Cigna.com',
      ].join('\n'),
    );
    expect(message.text).toContain(`Track your claim online:\n${CIGNA_TRACKING}`);
    expect(message.html).toContain(`<a href="${CIGNA_TRACKING}">${CIGNA_TRACKING}</a>`);
    expect(message.text).not.toContain('medical-administrators');
    expect(message.text).toContain(
      [
        'Cigna medical assistance, 24 hours a day, 7 days a week:',
        '- Outside the United States: +44 (0)1475 492 197 (fax: +44 (0)1475 492 424)',
        '- In the United States: 1 800 768 1725 (fax: 1 800 243 6998 or 1 302 797 3150)',
      ].join('\n'),
    );
    expect(message.text).toContain(`Please keep the reference ${REFERENCE} and quote it in any question about this claim.`);
  });

  it('shows the claims address and tracking portal configured for the administrator', () => {
    const message = reply({
      administrators: { MAI: { claimsAddress: 'claims@mai.example.net', trackingUrl: 'https://tracking.mai.example.net/fr' } },
    });

    expect(message.text).toContain(`E-mail${NBSP}: claims@mai.example.net`);
    expect(message.text).toContain(`Suivez votre remboursement en ligne${NBSP}:\nhttps://tracking.mai.example.net/fr`);
    expect(message.text).not.toContain('contact@medical-administrators.com');
    expect(message.text).not.toContain(MAI_TRACKING);
  });

  it('refuses a claim without a route: an acknowledgement must name who handles it', () => {
    expect(() => reply({ summary: claimInSpain({ route: null, treatmentCountry: null }) })).toThrow(
      'A member reply of this kind needs a route',
    );
  });
});

describe('composeMemberReply duplicate', () => {
  it('says the documents were already received under the earlier reference and gives the contacts', () => {
    const message = reply({ kind: 'duplicate', language: 'en' });

    expect(message.text).toContain(
      `The documents attached to your message were already received under the reference ${EARLIER_REFERENCE}.\n\nThey will therefore not be forwarded a second time, and you do not need to send them again.`,
    );
    expect(message.text).toContain('MEDICAL ADMINISTRATORS INTERNATIONAL\n37 Rue Anatole France');
    expect(message.text).toContain(`Track your claim online:\n${MAI_TRACKING}`);
    expect(message.text).toContain(`Please keep the reference ${EARLIER_REFERENCE}`);
    expect(message.text).not.toContain(REFERENCE);
  });

  it('names no administrator when the earlier claim waits for a person', () => {
    const message = reply({ kind: 'duplicate', summary: claimInSpain({ route: null, duplicateOf: EARLIER_REFERENCE }) });

    expect(message.text).toContain(
      `Cette demande est en cours d'examen par notre équipe${NBSP}; nous reviendrons vers vous si nécessaire.`,
    );
    expect(message.text).not.toContain('MEDICAL ADMINISTRATORS INTERNATIONAL');
    expect(message.text).not.toContain(MAI_TRACKING);
  });

  it('refuses a duplicate without the earlier reference', () => {
    expect(() => reply({ kind: 'duplicate', summary: claimInSpain() })).toThrow(
      'A member reply of this kind needs the reference of the earlier claim',
    );
  });
});

describe('composeMemberReply review', () => {
  it.each([
    [
      'a member account that is not active',
      claimInSpain({ member: { ...MARIE, status: 'suspended' } }),
      "Votre contrat n'apparaît pas comme actif dans nos fichiers.",
    ],
    [
      'evidence from several countries',
      claimInSpain({
        route: null,
        treatmentCountry: null,
        evidence: [
          { country: 'ES', strength: 'strong', reason: 'Spanish tax ID (NIF): B12345674', source: 'factura-clinica.pdf' },
          { country: 'US', strength: 'strong', reason: 'US state and ZIP code: CA 94538', source: 'itemized-bill.pdf' },
        ],
      }),
      'Vos documents semblent concerner des soins reçus dans plusieurs pays.',
    ],
    [
      'no usable evidence',
      claimInSpain({ route: null, treatmentCountry: null, evidence: [] }),
      'Vos documents ne nous ont pas permis de déterminer dans quel pays les soins ont été reçus.',
    ],
  ])('explains %s in member-friendly words', (_, summary, explanation) => {
    const message = reply({ kind: 'review', summary });

    expect(message.text).toContain(
      `${explanation}\n\nUn membre de notre équipe va examiner votre demande et vous recontactera si des informations complémentaires sont nécessaires. Vous n'avez pas besoin de la renvoyer.`,
    );
  });

  it('gives no reason of its own when the review is for a reason members are not told, and routes nowhere', () => {
    const message = reply({ kind: 'review', language: 'en' });

    expect(message.text).toContain(
      `It is registered under the reference ${REFERENCE}.\n\nDocuments received:\n- factura-clinica.pdf (PDF, 123.5 kB)\n- receta.jpg (JPEG, 512 bytes)\n\nA member of our team will look at your claim`,
    );
    expect(message.text).not.toContain('MEDICAL ADMINISTRATORS INTERNATIONAL');
    expect(message.text).not.toContain(MAI_TRACKING);
  });
});

describe('composeMemberReply needs-info', () => {
  it('asks a known member for the invoices and receipts as attachments', () => {
    const message = reply({ kind: 'needs-info', missing: 'documents', summary: claimInSpain({ documents: [] }) });

    expect(message.text).toBe(
      [
        'Bonjour Marie Dupont,',
        `Nous avons bien reçu votre message (référence ${REFERENCE}), mais aucun justificatif n'y était joint.`,
        'Pour que votre demande de remboursement puisse être traitée, merci de nous envoyer vos factures et reçus en pièces jointes, au format PDF ou en photo, en réponse à ce message.',
        'Cordialement,\nLe service de réception des demandes de remboursement',
        'Ce message vous a été envoyé automatiquement.\n',
      ].join('\n\n'),
    );
  });

  it('asks an unknown sender, in French then English, for the member number and the registered address', () => {
    const message = reply({
      kind: 'needs-info',
      missing: 'member-number',
      language: 'both',
      to: 'someone@example.org',
      summary: claimInSpain({ member: undefined, route: null, treatmentCountry: null }),
    });

    const french = message.text.indexOf('Bonjour,\n\n');
    const english = message.text.indexOf('Hello,\n\n');
    expect(french).toBe(0);
    expect(english).toBeGreaterThan(french);
    expect(message.text).toContain(
      "Merci de nous renvoyer votre demande depuis l'adresse e-mail enregistrée dans votre dossier d'adhérent, en indiquant votre numéro d'adhérent CFE / Cigna (il figure sur votre carte d'adhérent Cigna) et en joignant vos factures et reçus.",
    );
    expect(message.text).toContain(
      'Please send your claim again from the email address registered on your membership record, stating your CFE / Cigna member number (shown on your Cigna membership card) and attaching your invoices and receipts.',
    );
    expect(message.html).toMatch(/<div lang="fr">[\s\S]*Bonjour,[\s\S]*<\/div>\n<hr>\n<div lang="en">[\s\S]*Hello,/);
  });

  it('refuses a request that does not say what is missing', () => {
    expect(() => reply({ kind: 'needs-info' })).toThrow('A member reply of this kind needs what is missing');
  });
});

describe('composeMemberReply rejected', () => {
  const STATUS_LINK = `https://status.claims.example.org/claims/${REFERENCE}?t=1.sig`;

  it("tells a member in French that the team declined the claim, with the team's reason and what to do", () => {
    const message = reply({ kind: 'rejected', reason: "soins antérieurs à l'adhésion", statusLink: STATUS_LINK });

    expect(message.text).toBe(
      [
        'Bonjour Marie Dupont,',
        `Notre équipe a examiné votre demande de remboursement ${REFERENCE} et n'a pas pu l'accepter.`,
        `Motif${NBSP}: soins antérieurs à l'adhésion`,
        `Documents reçus${NBSP}:\n- factura-clinica.pdf (PDF, 123,5${NARROW_NBSP}ko)\n- receta.jpg (JPEG, 512${NBSP}octets)`,
        `Si vous pensez qu'il s'agit d'une erreur, ou pour nous envoyer ce qui manquait, répondez à ce message en rappelant la référence ${REFERENCE}.`,
        `Suivez votre demande sur notre page de suivi${NBSP}:\n${STATUS_LINK}`,
        `Conservez bien la référence ${REFERENCE}${NBSP}: rappelez-la pour toute question sur cette demande.`,
        'Cordialement,\nLe service de réception des demandes de remboursement',
        'Ce message vous a été envoyé automatiquement.\n',
      ].join('\n\n'),
    );
  });

  it('tells it in English, naming no administrator', () => {
    const message = reply({ kind: 'rejected', language: 'en', reason: 'treatment before the membership started', summary: claimInSpain({ route: null }) });

    expect(message.text).toContain(
      `Our team has looked at your claim ${REFERENCE} and could not accept it.\n\nReason: treatment before the membership started\n\nDocuments received:`,
    );
    expect(message.text).not.toContain('MEDICAL ADMINISTRATORS INTERNATIONAL');
  });

  it('keeps the reason on one line of the body, escaped in the HTML, and out of the subject', () => {
    const message = reply({ kind: 'rejected', language: 'en', reason: 'not covered\r\nBcc: attacker@example.net\x1b[2J <b>sic</b>' });

    expect(message.subject).toBe(`Your claim [${REFERENCE}]: declined`);
    expect(message.text).toContain('\n\nReason: not covered Bcc: attacker@example.net <b>sic</b>\n\n');
    expect(message.html).toContain('<p>Reason: not covered Bcc: attacker@example.net &lt;b&gt;sic&lt;/b&gt;</p>');
  });

  it('refuses a rejection that gives no reason', () => {
    expect(() => reply({ kind: 'rejected' })).toThrow('A member reply of this kind needs the reason the claim was declined');
  });
});

describe('composeMemberReply status link', () => {
  const STATUS_LINK = `https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.eu-west-1.on.aws/claims/${REFERENCE}?t=1805117400.ynJPnDvytTASUWbQCFYDFlFHqWHcDcWUlYrB3LsS4uI`;

  it('puts our status page next to the administrator portal in an acknowledgement, in French', () => {
    const message = reply({ statusLink: STATUS_LINK });

    expect(message.text).toContain(
      `Suivez votre remboursement en ligne${NBSP}:\n${MAI_TRACKING}\n\nSuivez votre demande sur notre page de suivi${NBSP}:\n${STATUS_LINK}\n\nAssistance médicale Cigna`,
    );
    expect(message.html).toContain(
      `<p>Suivez votre remboursement en ligne${NBSP}:<br><a href="${MAI_TRACKING}">${MAI_TRACKING}</a></p>\n<p>Suivez votre demande sur notre page de suivi${NBSP}:<br><a href="${STATUS_LINK}">${STATUS_LINK}</a></p>`,
    );
  });

  it('puts it there in English too', () => {
    const message = reply({ summary: claimInUsa(), language: 'en', statusLink: STATUS_LINK });

    expect(message.text).toContain(`Track your claim online:\n${CIGNA_TRACKING}\n\nFollow your claim on our status page:\n${STATUS_LINK}\n\n`);
    expect(message.html).toContain(`<p>Follow your claim on our status page:<br><a href="${STATUS_LINK}">${STATUS_LINK}</a></p>`);
  });

  it('gives it in both languages of a bilingual reply', () => {
    const message = reply({ language: 'both', statusLink: STATUS_LINK });

    expect(message.text.split(STATUS_LINK)).toHaveLength(3);
    expect(message.html.split(`<a href="${STATUS_LINK}">`)).toHaveLength(3);
  });

  it('gives it after the person-will-check paragraph of a review reply', () => {
    const message = reply({ kind: 'review', language: 'en', statusLink: STATUS_LINK });

    expect(message.text).toContain(
      `You do not need to send it again.\n\nFollow your claim on our status page:\n${STATUS_LINK}\n\nPlease keep the reference ${REFERENCE}`,
    );
  });

  it('gives it after the contacts of a duplicate reply, and after the review notice when the earlier claim waits for a person', () => {
    const earlierLink = STATUS_LINK.replace(REFERENCE, EARLIER_REFERENCE);
    const routed = reply({ kind: 'duplicate', language: 'en', statusLink: earlierLink });
    const underReview = reply({ kind: 'duplicate', language: 'en', statusLink: earlierLink, summary: claimInSpain({ route: null, duplicateOf: EARLIER_REFERENCE }) });

    expect(routed.text).toContain(`Track your claim online:\n${MAI_TRACKING}\n\nFollow your claim on our status page:\n${earlierLink}\n\nPlease keep the reference ${EARLIER_REFERENCE}`);
    expect(underReview.text).toContain(
      `we will get back to you if needed.\n\nFollow your claim on our status page:\n${earlierLink}\n\nPlease keep the reference ${EARLIER_REFERENCE}`,
    );
  });

  it('is left out of a request for what is missing', () => {
    const message = reply({ kind: 'needs-info', missing: 'documents', statusLink: STATUS_LINK });

    expect(message.text).not.toContain(STATUS_LINK);
    expect(message.html).not.toContain(STATUS_LINK);
  });

  it('is left out when there is none', () => {
    for (const kind of ['acknowledged', 'duplicate', 'review'] as const) {
      expect(reply({ kind }).text).not.toContain('page de suivi');
    }
  });
});

describe('composeMemberReply with text from outside', () => {
  it('escapes names and file names in the HTML', () => {
    const message = reply({
      language: 'en',
      summary: claimInSpain({
        member: { ...MARIE, lastName: '<b>Dupont</b> & Co' },
        documents: [{ filename: '<script>.pdf', type: 'pdf', size: 2048, sha256: 'd'.repeat(64), textRead: true }],
      }),
    });

    expect(message.html).toContain('<p>Dear Marie &lt;b&gt;Dupont&lt;/b&gt; &amp; Co,</p>');
    expect(message.html).toContain('<li>&lt;script&gt;.pdf (PDF, 2 kB)</li>');
    expect(message.html).not.toContain('<script>');
    expect(message.text).toContain('- <script>.pdf (PDF, 2 kB)');
  });

  it('keeps line breaks in a name or a reference out of the subject and the greeting', () => {
    const message = reply({
      language: 'en',
      summary: claimInSpain({
        reference: 'CLM-2026-7K3F9Q\r\nBcc: attacker@example.net',
        member: { ...MARIE, firstName: 'Marie\r\nBcc: attacker@example.net\r\n' },
      }),
    });

    expect(message.subject).toBe('Your claim [CLM-2026-7K3F9Q Bcc: attacker@example.net] has been received');
    expect(message.text.startsWith('Dear Marie Bcc: attacker@example.net Dupont,\n\n')).toBe(true);
  });
});
