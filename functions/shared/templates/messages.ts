import type { ClaimRecordStatus, ConversationStep } from '../domain/claim.ts';
import type { Channel, DocumentType, Language, LocationEvidence, Route } from '../domain/types.ts';
import type { Formatters } from './format.ts';
import type { ReviewReason } from './review-reason.ts';
import { ENGLISH } from './messages.en.ts';
import { FRENCH } from './messages.fr.ts';

export type MissingInformation = 'documents' | 'member-number';

export interface ContactLabels {
  readonly phone: string;
  readonly fax: string;
  readonly email: string;
  /** Said of a number that is free to call. */
  readonly tollFree: string;
  /** Joins alternative numbers. */
  readonly or: string;
}

/** Texts of the replies to members. */
export interface ReplyMessages {
  readonly subjects: {
    acknowledged(reference: string): string;
    duplicate(originalReference: string): string;
    review(reference: string): string;
    needsInfo: Readonly<Record<MissingInformation, (reference: string) => string>>;
    rejected(reference: string): string;
    reminder(reference: string): string;
  };
  greeting(name: string | undefined): string;
  receivedUnder(reference: string): string;
  readonly documentsReceived: string;
  /** `country` is the treatment country's name, when known. */
  forwardedTo(route: Route, administratorName: string, country: string | undefined): string;
  readonly contactFor: string;
  readonly tracking: string;
  /** Introduces the link to the claim's status page. */
  readonly statusLink: string;
  readonly assistance: {
    readonly title: string;
    readonly outsideUsa: string;
    readonly usa: string;
    line(place: string, phone: string, faxes: readonly string[]): string;
  };
  keepReference(reference: string): string;
  readonly duplicate: {
    alreadyReceived(originalReference: string): string;
    readonly notSentAgain: string;
    readonly underReview: string;
  };
  readonly review: {
    readonly reasons: Readonly<Record<ReviewReason, string>>;
    readonly personWillCheck: string;
  };
  readonly needsInfo: Readonly<
    Record<MissingInformation, { explanation(reference: string): string; readonly request: string }>
  >;
  /** A claim the team declined, with the reason it gave. */
  readonly rejected: {
    notAccepted(reference: string): string;
    reason(reason: string): string;
    whatNext(reference: string): string;
  };
  /** Opens the one reminder of a request for information still unanswered. */
  reminder(reference: string): string;
  readonly closing: readonly string[];
  readonly sentAutomatically: string;
}

/** Texts of the cover note that goes with a claim forwarded to an administrator. */
export interface ForwardMessages {
  subject(reference: string, memberId: string | undefined, country: string | null): string;
  /** The subject of new documents for a claim already forwarded. */
  followUpSubject(reference: string, memberId: string | undefined): string;
  readonly intro: string;
  readonly followUpIntro: string;
  readonly labels: {
    readonly reference: string;
    readonly memberNumber: string;
    readonly memberName: string;
    readonly channel: string;
    readonly receivedAt: string;
    readonly treatmentCountry: string;
    readonly faxCaller: string;
    readonly faxStation: string;
    readonly faxPages: string;
  };
  readonly unknown: string;
  readonly evidence: string;
  readonly strength: Readonly<Record<LocationEvidence['strength'], string>>;
  readonly decision: string;
  readonly documents: string;
  readonly none: string;
  readonly textRead: string;
  textNotRead(reason: string | undefined): string;
  readonly attachedUnchanged: string;
  /** The invoices read, attached as a FHIR R4 Claim for the administrator's systems. */
  fhirClaimAttached(filename: string): string;
}

/** Texts about the invoices read on a claim, for the administrator and for the member. */
export interface InvoiceMessages {
  /** Title of the cover's list of invoices. */
  readonly read: string;
  readonly totals: string;
  /** Title of the member's list of invoices. */
  readonly readForMember: string;
  /** Asks the member to say when one is wrong. */
  readonly checkThem: string;
  readonly providerUnknown: string;
  readonly datesUnknown: string;
  readonly totalUnknown: string;
  /** Said of a total made by summing the lines, none being printed. */
  readonly summedFromLines: string;
  readonly currencyUnknown: string;
}

/** Texts of the status page a member follows their claim on. */
export interface StatusPageMessages {
  title(reference: string): string;
  heading(reference: string): string;
  /** Where the claim stands, in a sentence, by its current status. */
  readonly now: {
    readonly received: string;
    forwarded(administratorName: string | undefined): string;
    duplicate(originalReference: string | undefined): string;
    readonly review: string;
    readonly needsInfo: string;
    readonly ignored: string;
    readonly quarantined: string;
    readonly rejected: string;
  };
  readonly receivedOn: string;
  readonly handledBy: string;
  trackingPortal(administratorName: string): string;
  readonly historyTitle: string;
  /** Each status of the history, in a few words. */
  readonly history: Readonly<Record<ClaimRecordStatus, string>>;
  /** Each step of the conversation the history shows, in a few words. */
  readonly steps: Readonly<Record<ConversationStep | 'follow-up-forwarded', string>>;
  readonly documentsTitle: string;
  /** `description` is the document's type and size. */
  document(position: number, description: string): string;
  readonly noDocuments: string;
  readonly privacyNote: string;
  readonly notFound: {
    readonly title: string;
    readonly explanation: string;
    readonly help: string;
  };
}

/** Everything a language must provide; the message structures are shared by all languages. */
export interface Messages {
  readonly format: Formatters;
  /** "label: value" with the language's punctuation. */
  field(label: string, value: string): string;
  readonly documentTypes: Readonly<Record<DocumentType, string>>;
  readonly channels: Readonly<Record<Channel, string>>;
  readonly contact: ContactLabels;
  readonly reply: ReplyMessages;
  readonly forward: ForwardMessages;
  readonly invoices: InvoiceMessages;
  readonly statusPage: StatusPageMessages;
}

export const MESSAGES: Readonly<Record<Language, Messages>> = { fr: FRENCH, en: ENGLISH };
