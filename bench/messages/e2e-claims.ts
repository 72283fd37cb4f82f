import { CLAIM_EMAILS, type InvoicePdfs } from '../../test/fixtures/generator/claim-emails.ts';
import { renderInvoicePdf } from '../../test/fixtures/generator/invoice-pdf.ts';
import { INVOICES, type InvoiceFileName } from '../../test/fixtures/generator/invoices.ts';
import { JOHN_CARTER, LUCIE_BERNARD, MARIE_DUPONT, WILLIAM_SMITH, type SampleMember } from '../../test/fixtures/generator/sample-members.ts';
import { invoiceVariant } from './invoice-variant.ts';

export interface SampleClaim {
  /** SMTP MAIL FROM: the member's registered address. */
  readonly from: string;
  readonly raw: Buffer;
}

/** The sample claims that are forwarded and acknowledged, with the invoice each carries. */
const FORWARDED_SAMPLES: readonly { readonly email: string; readonly invoice: InvoiceFileName; readonly member: SampleMember }[] = [
  { email: 'fr-paris-invoice.eml', invoice: 'note-honoraires-paris.pdf', member: MARIE_DUPONT },
  { email: 'en-boston-bill.eml', invoice: 'itemized-bill-boston.pdf', member: JOHN_CARTER },
  { email: 'canada-dollar-invoice.eml', invoice: 'invoice-montreal.pdf', member: LUCIE_BERNARD },
  { email: 'cambodia-usd-invoice.eml', invoice: 'invoice-phnom-penh.pdf', member: WILLIAM_SMITH },
];

/**
 * `count` claims made from the forwarded sample claims in turn, numbered from `first`: each
 * carries its own variant of the invoice, so none is a duplicate of another, in this round or any.
 */
export async function distinctSampleClaims(first: number, count: number): Promise<SampleClaim[]> {
  const renderedInvoices = await Promise.all(
    (Object.keys(INVOICES) as InvoiceFileName[]).map(async (name) => [name, await renderInvoicePdf(INVOICES[name])] as const),
  );
  const invoices = Object.fromEntries(renderedInvoices) as InvoicePdfs;
  const claims: SampleClaim[] = [];
  for (let number = first; number < first + count; number++) {
    const sample = FORWARDED_SAMPLES[number % FORWARDED_SAMPLES.length];
    const compose = sample && CLAIM_EMAILS[sample.email];
    if (sample === undefined || compose === undefined) throw new Error('Unknown sample claim');
    const invoice = await renderInvoicePdf(invoiceVariant(INVOICES[sample.invoice], number));
    claims.push({ from: sample.member.email, raw: await compose({ ...invoices, [sample.invoice]: invoice }) });
  }
  return claims;
}
