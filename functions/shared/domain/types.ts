/** Shared vocabulary of the intake: what a member, a document, a decision and a claim are. */

import type { ExpenseSummary } from './invoices/types.ts';

export type Language = 'fr' | 'en';
export type MemberStatus = 'active' | 'suspended' | 'terminated';

export interface Member {
  readonly memberId: string;
  readonly firstName: string;
  readonly lastName: string;
  /** Registered address: the only address an acknowledgement is ever sent to. */
  readonly email: string;
  readonly language: Language;
  /** ISO 3166-1 alpha-2 country of residence. */
  readonly country: string;
  readonly status: MemberStatus;
  /** Registered fax numbers, E.164. */
  readonly faxNumbers: readonly string[];
}

/** Looks members up; a DynamoDB table when deployed, a CSV file for the triage command. */
export interface MemberDirectory {
  findById(memberId: string): Promise<Member | undefined>;
  /** Address compared case-insensitively. */
  findByEmail(email: string): Promise<Member | undefined>;
  /** Number in E.164. */
  findByFax(e164: string): Promise<Member | undefined>;
}

export type Channel = 'email' | 'fax';
export type Route = 'MAI' | 'CIGNA_US';
/** REJECTED is only ever a person's decision on a claim held for review or waiting for information. */
export type ClaimStatus = 'FORWARDED' | 'NEEDS_INFO' | 'REVIEW' | 'IGNORED' | 'QUARANTINED' | 'DUPLICATE' | 'REJECTED';

export type VerdictStatus = 'PASS' | 'FAIL' | 'GRAY' | 'PROCESSING_FAILED' | 'DISABLED';
export type DmarcPolicy = 'none' | 'quarantine' | 'reject';
export const DMARC_POLICIES: readonly DmarcPolicy[] = ['none', 'quarantine', 'reject'];

/** SES receipt verdicts, as in the receipt notification. */
export interface Verdicts {
  readonly spam: VerdictStatus;
  readonly virus: VerdictStatus;
  readonly spf: VerdictStatus;
  readonly dkim: VerdictStatus;
  readonly dmarc: VerdictStatus;
  /** What the From domain asks of mail that fails DMARC; SES reports it only when DMARC fails. */
  readonly dmarcPolicy?: DmarcPolicy;
}

/** Type detected from the content's magic bytes, never from the sender's label. */
export type DocumentType = 'pdf' | 'tiff' | 'jpeg' | 'png' | 'gif' | 'heic' | 'webp' | 'text' | 'html' | 'office' | 'other';

export interface DocumentFile {
  readonly filename: string;
  /** MIME type the sender declared; kept for the forward, not trusted. */
  readonly declaredContentType: string;
  readonly type: DocumentType;
  readonly size: number;
  readonly sha256: string;
  readonly content: Buffer;
  /** Text read from the document (PDF text layer, later OCR); empty when nothing was read. */
  readonly text: string;
  /** Whether the document's text was read. */
  readonly textRead: boolean;
  /** Why the text was not read, when it was not (scan, unsupported type, over a bound...). */
  readonly notReadReason?: string;
  /** Left unread because a bound on the message's work was reached: OCR does not read it either. */
  readonly beyondReadLimit?: boolean;
  /** Its decoder was stopped (past its time or memory bound) or failed: the file may be made to harm. */
  readonly decoderStopped?: boolean;
  /** Pages of a scan (fax, photo, scanned PDF) once its images were decoded. */
  readonly pageCount?: number;
  /** Present when the text was read by OCR from the document's images. */
  readonly ocr?: OcrReading;
  /** The file's images could not be decoded: a person must look at it. */
  readonly damaged?: boolean;
  /** How the part that carried the file broke MIME's rules (no valid content type): a person must look at it. */
  readonly irregular?: string;
}

export type OcrEngineName = 'tesseract' | 'textract';

/** What OCR read on one page of a scan. */
export interface OcrPage {
  /** 1-based. */
  readonly page: number;
  readonly text: string;
  /** The engine's confidence in the page's text, 0 to 100. */
  readonly confidence: number;
  /** The invoice fields the engine itself read on the page (Textract AnalyzeExpense). */
  readonly expense?: ExpenseSummary;
}

/** How a scan's text was read: by which engine, page by page. */
export interface OcrReading {
  readonly engine: OcrEngineName;
  readonly pages: readonly OcrPage[];
  /** Mean of the pages' confidences, 0 to 100. */
  readonly meanConfidence: number;
  /** How long the engine took over the pages it read. */
  readonly elapsedMs: number;
  /** Why some pages were not read (the claim's OCR time ran out), when some were not. */
  readonly pagesNotRead?: string;
}

/** One piece of evidence about where treatment happened. */
export interface LocationEvidence {
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  /** How much it weighs: strong evidence alone can decide; weak only tips. */
  readonly strength: 'strong' | 'medium' | 'weak';
  /** What was found, for a person: e.g. "US state and ZIP code: CA 94538". */
  readonly reason: string;
  /** Which document (file name) or part of the message it came from. */
  readonly source: string;
}

export interface LocationDecision {
  /** ISO alpha-2, or null when the evidence is missing or conflicting. */
  readonly country: string | null;
  readonly route: Route | null;
  readonly evidence: readonly LocationEvidence[];
  /** Readable explanation of the decision. */
  readonly reasons: readonly string[];
}

/** A piece of text the intake reads for evidence, with where it came from. */
export interface TextSource {
  /** "subject", "body", or a document's file name. */
  readonly source: string;
  readonly text: string;
  /** Why the text (an HTML body) was not read: its decoder was stopped past a bound, or failed. */
  readonly notReadReason?: string;
}
