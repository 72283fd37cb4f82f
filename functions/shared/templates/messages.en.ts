import { subjectTag } from '../domain/conversation.ts';
import { formattersFor } from './format.ts';
import type { Messages } from './messages.ts';

const introducing = (label: string): string => `${label}:`;
const field = (label: string, value: string): string => `${introducing(label)} ${value}`;

export const ENGLISH: Messages = {
  format: formattersFor('en-GB'),
  field,
  documentTypes: {
    pdf: 'PDF',
    tiff: 'TIFF',
    jpeg: 'JPEG',
    png: 'PNG',
    gif: 'GIF',
    heic: 'HEIC',
    webp: 'WebP',
    text: 'text',
    html: 'HTML',
    office: 'Office document',
    other: 'other format',
  },
  channels: { email: 'email', fax: 'fax' },
  contact: { phone: 'Phone', fax: 'Fax', email: 'Email', tollFree: 'toll-free', or: 'or' },
  reply: {
    subjects: {
      acknowledged: (reference) => `Your claim ${subjectTag(reference)} has been received`,
      duplicate: (reference) => field(`Your claim ${subjectTag(reference)}`, 'documents already received'),
      review: (reference) => `Your claim ${subjectTag(reference)} is being reviewed`,
      reminder: (reference) => field('Reminder', `your claim ${subjectTag(reference)} is waiting for information`),
      needsInfo: {
        documents: (reference) => field(`Your claim ${subjectTag(reference)}`, 'documents missing'),
        'member-number': (reference) => field(`Your claim ${subjectTag(reference)}`, 'member number needed'),
      },
      rejected: (reference) => field(`Your claim ${subjectTag(reference)}`, 'declined'),
    },
    greeting: (name) => (name ? `Dear ${name},` : 'Hello,'),
    receivedUnder: (reference) => `We have received your claim. It is registered under the reference ${reference}.`,
    documentsReceived: introducing('Documents received'),
    forwardedTo: (route, administratorName, country) => {
      const territory = route === 'MAI' ? 'outside the United States' : 'in the United States';
      const where = country ? ` (${field('country of treatment', country)})` : '';
      return `We have forwarded it to ${administratorName}, which handles claims for treatment received ${territory}${where}.`;
    },
    contactFor: introducing('For any question about this claim, please contact'),
    tracking: introducing('Track your claim online'),
    statusLink: introducing('Follow your claim on our status page'),
    assistance: {
      title: introducing('Cigna medical assistance, 24 hours a day, 7 days a week'),
      outsideUsa: 'Outside the United States',
      usa: 'In the United States',
      line: (place, phone, faxes) => field(place, `${phone} (${field('fax', faxes.join(' or '))})`),
    },
    keepReference: (reference) => `Please keep the reference ${reference} and quote it in any question about this claim.`,
    duplicate: {
      alreadyReceived: (reference) =>
        `The documents attached to your message were already received under the reference ${reference}.`,
      notSentAgain: 'They will therefore not be forwarded a second time, and you do not need to send them again.',
      underReview: 'This claim is being reviewed by our team; we will get back to you if needed.',
    },
    review: {
      reasons: {
        'member-not-active': 'Your membership does not appear as active in our records.',
        'several-countries': 'Your documents seem to relate to treatment received in more than one country.',
        'country-unclear': 'We could not tell from your documents in which country the treatment was received.',
      },
      personWillCheck:
        'A member of our team will look at your claim and will contact you if anything else is needed. You do not need to send it again.',
    },
    needsInfo: {
      documents: {
        explanation: (reference) =>
          `We have received your message (reference ${reference}), but no invoice or receipt was attached to it.`,
        request:
          'So that your claim can be processed, please send us your invoices and receipts as attachments, as PDF files or photos, in reply to this message.',
      },
      'member-number': {
        explanation: (reference) =>
          `We have received your message (reference ${reference}), but we could not identify you as a member.`,
        request:
          'Please send your claim again from the email address registered on your membership record, stating your CFE / Cigna member number (shown on your Cigna membership card) and attaching your invoices and receipts.',
      },
    },
    rejected: {
      notAccepted: (reference) => `Our team has looked at your claim ${reference} and could not accept it.`,
      reason: (reason) => field('Reason', reason),
      whatNext: (reference) =>
        `If you think this is a mistake, or to send what was missing, reply to this message quoting the reference ${reference}.`,
    },
    reminder: (reference) => `We wrote to you about your claim ${reference}: we still need the information below to process it.`,
    closing: ['Kind regards,', 'The claims intake team'],
    sentAutomatically: 'This message was sent automatically.',
  },
  forward: {
    subject: (reference, memberId, country) =>
      [
        `Claim ${subjectTag(reference)}`,
        `member ${memberId ?? 'unknown'}`,
        country ? `treatment in ${country}` : 'treatment country undetermined',
      ].join(' – '),
    followUpSubject: (reference, memberId) =>
      [`Follow-up to claim ${subjectTag(reference)}`, `member ${memberId ?? 'unknown'}`, 'new documents'].join(' – '),
    intro: 'Please find attached a claim received by our intake service, for processing.',
    followUpIntro:
      'Please find attached new documents the member sent for a claim we already forwarded to you under the same reference. Only the new documents are attached.',
    labels: {
      reference: 'Reference',
      memberNumber: 'Member number',
      memberName: 'Member name',
      channel: 'Received by',
      receivedAt: 'Received on',
      treatmentCountry: 'Treatment country',
      faxCaller: 'Fax caller number',
      faxStation: 'Fax station ID',
      faxPages: 'Fax pages',
    },
    unknown: 'unknown',
    evidence: introducing('Evidence of where treatment happened'),
    strength: { strong: 'strong evidence', medium: 'medium evidence', weak: 'weak evidence' },
    decision: introducing('Decision'),
    documents: introducing('Documents'),
    none: 'none',
    textRead: 'text read',
    textNotRead: (reason) => (reason ? `text not read (${reason})` : 'text not read'),
    attachedUnchanged: 'Original documents attached unchanged.',
    fhirClaimAttached: (filename) => `The invoices read are attached as a FHIR R4 Claim for your systems: ${filename}.`,
  },
  invoices: {
    read: introducing('Invoices read (provider – dates of service – total)'),
    totals: introducing('Totals per currency'),
    readForMember: introducing('The invoices we read in your documents'),
    checkThem: 'If one of them is wrong or missing, please reply to this message and tell us.',
    providerUnknown: 'provider not read',
    datesUnknown: 'dates not read',
    totalUnknown: 'total not read',
    summedFromLines: 'sum of the lines',
    currencyUnknown: 'currency not read',
  },
  statusPage: {
    title: (reference) => `Status of claim ${reference}`,
    heading: (reference) => `Your claim ${reference}`,
    now: {
      received: 'Received: we are forwarding it to the administrator who handles your claim.',
      forwarded: (administratorName) =>
        administratorName ? `Forwarded to ${administratorName}, which handles your claim.` : 'Forwarded to the administrator who handles your claim.',
      duplicate: (originalReference) =>
        `These documents had already been received${originalReference ? ` with claim ${originalReference}` : ''}; they were not forwarded a second time.`,
      review: 'Being reviewed by our team, who will contact you if anything else is needed.',
      needsInfo: 'Waiting: we need more information to process it. Please see the message we sent you.',
      ignored: 'Not processed: this message was not recognised as a claim.',
      quarantined: 'Not processed: this message was set aside by our security checks.',
      rejected: 'Declined: our team could not accept this claim. The message we sent you says why.',
    },
    receivedOn: 'Received on',
    handledBy: 'Handled by',
    trackingPortal: (administratorName) => `Track your claim on the portal of ${administratorName}`,
    historyTitle: 'History',
    history: {
      RECEIVED: 'received',
      FORWARDED: 'forwarded',
      DUPLICATE: 'documents already received',
      REVIEW: 'under review',
      NEEDS_INFO: 'information requested',
      IGNORED: 'not processed',
      QUARANTINED: 'set aside',
      REJECTED: 'declined',
    },
    steps: {
      'information-received': 'information received',
      'follow-up-forwarded': 'follow-up forwarded',
    },
    documentsTitle: 'Documents received',
    document: (position, description) => field(`Document ${position}`, description),
    noDocuments: 'No document attached.',
    privacyNote:
      'Please quote your claim reference in any question. This page shows neither your name nor your contact details, only where your claim stands.',
    notFound: {
      title: 'This status link is not valid',
      explanation: 'It may have expired, or been copied incompletely. Please use the full link from the message we sent you.',
      help: 'For any question about your claim, contact the administrator handling it, quoting your claim reference.',
    },
  },
};
