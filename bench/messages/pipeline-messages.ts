import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { MailComposerAttachment } from 'nodemailer/lib/mail-composer/index.js';
import { CLAIMS_ADDRESS, composeMail, pdfAttachment } from '../../test/fixtures/generator/compose-mail.ts';
import { renderInvoicePdf } from '../../test/fixtures/generator/invoice-pdf.ts';
import { INVOICES } from '../../test/fixtures/generator/invoices.ts';
import { MARIE_DUPONT, fullName } from '../../test/fixtures/generator/sample-members.ts';
import { PROJECT_ROOT } from '../lib/project-root.ts';
import { MEGABYTE } from '../lib/stats.ts';
import { invoiceVariant } from './invoice-variant.ts';
import { statementPdf } from './statement-pdf.ts';

export interface PipelineMessageSpec {
  readonly name: string;
  /**
   * Runs of this message (each with mailparser alone) not timed, after the small claim every
   * process warms up with and the run whose memory is measured: as many as the pipeline's code
   * takes to settle. mailparser, which the pipeline runs too, settles sooner: after two warm-up
   * runs of 2 MB the pipeline measured 2.7–3x mailparser, after twenty 1.8x.
   */
  readonly warmupRuns: number;
  /** Fewer for the large messages, to keep the whole benchmark within minutes. */
  readonly measuredRuns: number;
  /** Runs of the steps timed one by one, for where the time goes. */
  readonly stepRuns: number;
  build(): Promise<Buffer>;
}

/** The member every benchmark message comes from: her number is in the subject and on every invoice. */
export const BENCH_SENDER = MARIE_DUPONT;

const PARIS_NOTE = INVOICES['note-honoraires-paris.pdf'];
/** A real invoice with a text layer (third-party fixture), the member's second document. */
const REAL_INVOICE = path.join(PROJECT_ROOT, 'test', 'fixtures', 'third-party', 'invoices', 'invoice2data-NetpresseInvoice.pdf');
/** Long hospital statements: the intake reads the first pages of each (maxPdfPagesRead), forwards all. */
const STATEMENT_PAGES = 50;
/** Base64 in 76-character lines ending in CRLF: 4 bytes for 3, then 78 for 76. */
const BASE64_GROWTH = (4 / 3) * (78 / 76);
/**
 * The largest message, in the decimal megabytes the budgets are written in: just under the 40
 * binary megabytes SES receives (functions/shared/adapters/ses-mailer.ts).
 */
const LARGEST_MESSAGE_BYTES = 40 * MEGABYTE;
/** Room for the headers SES adds to a message it receives. */
const SES_HEADERS_ALLOWANCE = 64 * 1024;
const SMALL_ATTACHMENT_COUNT = 200;
/** The note and the real invoice composeClaim attaches to every message. */
const DOCUMENTS_OF_EVERY_CLAIM = 2;

export const PIPELINE_MESSAGES: readonly PipelineMessageSpec[] = [
  { name: '100 KB', warmupRuns: 20, measuredRuns: 30, stepRuns: 5, build: () => composeClaim('100 KB', []) },
  { name: '2 MB', warmupRuns: 20, measuredRuns: 15, stepRuns: 5, build: () => claimOfAbout('2 MB', 2 * MEGABYTE) },
  { name: '20 MB', warmupRuns: 5, measuredRuns: 5, stepRuns: 3, build: () => claimOfAbout('20 MB', 20 * MEGABYTE) },
  { name: '40 MB', warmupRuns: 3, measuredRuns: 5, stepRuns: 1, build: () => claimOfAbout('40 MB', LARGEST_MESSAGE_BYTES - SES_HEADERS_ALLOWANCE) },
  {
    name: `${SMALL_ATTACHMENT_COUNT} attachments`,
    warmupRuns: 10,
    measuredRuns: 9,
    stepRuns: 3,
    build: () => claimWithSmallAttachments(`${SMALL_ATTACHMENT_COUNT} attachments`),
  },
];

export const messageFileName = (spec: PipelineMessageSpec): string => `${spec.name.toLowerCase().replace(/\W+/g, '-')}.eml`;

/** The member's note and a real invoice, then whatever makes the message's size. */
async function composeClaim(name: string, extraAttachments: readonly MailComposerAttachment[]): Promise<Buffer> {
  return composeMail(`bench-${name}`, {
    from: { name: fullName(BENCH_SENDER), address: BENCH_SENDER.email },
    to: CLAIMS_ADDRESS,
    subject: `Remboursement – N° d'adhérent ${BENCH_SENDER.memberId}`,
    date: 'Mon, 24 Mar 2025 09:30:00 +0100',
    messageId: `<bench-${name.replace(/\W+/g, '-')}@example.fr>`,
    text: [
      'Bonjour,',
      '',
      "Veuillez trouver ci-joint la note d'honoraires de ma consultation à Paris, la facture et les relevés détaillés de mon hospitalisation.",
      '',
      'Cordialement,',
      fullName(BENCH_SENDER),
    ].join('\n'),
    attachments: [
      pdfAttachment('note-honoraires-paris.pdf', await renderInvoicePdf(PARIS_NOTE)),
      pdfAttachment('facture.pdf', await readFile(REAL_INVOICE)),
      ...extraAttachments,
    ],
  });
}

/** `pages` pages of itemised statements, in as many full-length ones as they fill, then a shorter one. */
async function statements(pages: number): Promise<MailComposerAttachment[]> {
  const attachments: MailComposerAttachment[] = [];
  for (let first = 0; first < pages; first += STATEMENT_PAGES) {
    // Each another variant of the note, so no two are the same document.
    const number = attachments.length + 1;
    const pdf = await statementPdf(invoiceVariant(PARIS_NOTE, number), Math.min(STATEMENT_PAGES, pages - first));
    attachments.push(pdfAttachment(`releve-soins-${number}.pdf`, pdf));
  }
  return attachments;
}

/**
 * Itemised statements of a hospital stay fill the message up to at least `targetBytes`, so the
 * budgets that apply from a size apply to the message named after it.
 */
async function claimOfAbout(name: string, targetBytes: number): Promise<Buffer> {
  const withoutStatements = await composeClaim(name, []);
  const sample = await statementPdf(PARIS_NOTE, STATEMENT_PAGES);
  const encodedBytesPerPage = (sample.length * BASE64_GROWTH) / STATEMENT_PAGES;
  for (let pages = Math.ceil((targetBytes - withoutStatements.length) / encodedBytesPerPage); ; pages += 1) {
    const message = await composeClaim(name, await statements(pages));
    if (message.length >= targetBytes) return message;
  }
}

/** Many one-page notes beside the two documents every message has: what costs per attachment rather than per byte. */
async function claimWithSmallAttachments(name: string): Promise<Buffer> {
  const notes: MailComposerAttachment[] = [];
  for (let number = DOCUMENTS_OF_EVERY_CLAIM + 1; number <= SMALL_ATTACHMENT_COUNT; number++) {
    notes.push(pdfAttachment(`note-honoraires-${number}.pdf`, await renderInvoicePdf(invoiceVariant(PARIS_NOTE, number))));
  }
  return composeClaim(name, notes);
}
