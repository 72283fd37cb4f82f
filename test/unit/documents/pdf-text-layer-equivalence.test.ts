import { readFileSync } from 'node:fs';
import { getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { statementPdf } from '../../../bench/messages/statement-pdf.ts';
import { sharedDocumentDecoder } from '../../../functions/shared/adapters/isolation/isolated-document-decoder.ts';
import { Deadline } from '../../../functions/shared/domain/deadline.ts';
import { DEFAULT_DOCUMENT_LIMITS } from '../../../functions/shared/domain/documents/limits.ts';
import { joinPageTexts } from '../../../functions/shared/domain/documents/pdf-text.ts';
import { renderInvoicePdf } from '../../fixtures/generator/invoice-pdf.ts';
import { INVOICES } from '../../fixtures/generator/invoices.ts';

const realInvoice = (name: string): Buffer => readFileSync(new URL(`../../fixtures/third-party/invoices/${name}.pdf`, import.meta.url));

/** The pages' text as pdf.js's getTextContent gives it, joined as the intake joins it. */
async function pdfjsText(content: Buffer, maxPages: number): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(content), { verbosity: 0 });
  try {
    const pages: string[] = [];
    for (let pageNumber = 1; pageNumber <= Math.min(maxPages, pdf.numPages); pageNumber += 1) {
      const { items } = await (await pdf.getPage(pageNumber)).getTextContent();
      pages.push(items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    }
    return joinPageTexts(pages);
  } finally {
    await pdf.loadingTask.destroy();
  }
}

/** What the intake reads of a PDF: its text through the worker-thread decoder, within a document's time. */
async function intakeText(content: Buffer, maxPdfPagesRead: number): Promise<string> {
  const reading = await sharedDocumentDecoder().readText({ decoder: 'pdf-text', content, maxPdfPagesRead }, Deadline.in(DEFAULT_DOCUMENT_LIMITS.maxReadMsPerDocument));
  if (!reading.textRead) throw new Error(`The PDF was not read: ${reading.notReadReason}`);
  return reading.text;
}

const REAL_INVOICES = ['invoice2data-AzureInterior', 'invoice2data-NetpresseInvoice', 'invoice2data-QualityHosting', 'invoice2data-coolblue1', 'invoice2data-free_fiber'];
/** The pages the intake reads of a statement (maxPdfPagesRead), of the 50 the benchmark's have. */
const STATEMENT_PAGES_READ = 5;

describe('what the intake reads of each PDF, through its isolated decoder', () => {
  const documents = new Map<string, { content: Buffer; maxPages: number }>();

  beforeAll(async () => {
    for (const name of REAL_INVOICES) documents.set(`${name}.pdf`, { content: realInvoice(name), maxPages: Infinity });
    for (const [name, invoice] of Object.entries(INVOICES)) documents.set(name, { content: Buffer.from(await renderInvoicePdf(invoice)), maxPages: Infinity });
    documents.set('statement of 50 pages', { content: await statementPdf(INVOICES['note-honoraires-paris.pdf'], 50), maxPages: STATEMENT_PAGES_READ });
  });

  const names = [...REAL_INVOICES.map((name) => `${name}.pdf`), ...Object.keys(INVOICES), 'statement of 50 pages'];

  it.each(names)('reads %s in its worker as pdf.js reads it in the process, to the character', async (name) => {
    const { content, maxPages } = documents.get(name)!;

    expect(await intakeText(content, maxPages)).toBe(await pdfjsText(content, maxPages));
  });

  it('reads the Netpresse invoice (standard fonts without widths, a two-byte font, 31 KB of drawing) line by line', async () => {
    expect((await intakeText(realInvoice('invoice2data-NetpresseInvoice'), Infinity)).split('\n')).toEqual([
      'ALEXINUX',
      'de Lattre Alexis',
      '27 rue Henri Rolland',
      '69100 Villeurbanne',
      'Facture n° 2022089083',
      'Date : 28/11/2022',
      'Numéro de dossier : 365146 - ALEXINUX',
      'Désignation Nombre P.U. HT Montant HT',
      'le-tout-lyon.fr du 06/12/2022 45,93 €',
      'Justificatif PDF 1 0,75 € 0,75 €',
      'Justificatif Papier 0 3,50 € 0 €',
      'Total HT : 46,68 €',
      'TVA 20% : 9,34 €',
      'Total TTC : 56,02 €',
      'Modes de règlement',
      'CB Vous pouvez régler directement cette annonce en ligne en cliquant sur le lien fournit dans',
      'l’email d’envoi du devis ou en nous contactant par téléphone au 01 71 17 61 67. Le paiement',
      'CB est totalement sécurisé.',
      'Chèque Le règlement par chèque n’est plus accepté.',
      'Virement BRED BANQUE POPULAIRE – Titulaire du compte : NETPRESSE',
      'IBAN : FR76 10107 00245 00617052317 39 - BIC : BREDFRPP',
      'Tout retard de paiement fera l’objet d’une pénalité de retard calculée sur la base de trois fois le taux de l’intérêt légal (art L441-6 Code du',
      'Commerce) Aucun escompte ne sera accordé pour paiement anticipé, Indemnité forfaitaire de recouvrement : 40€. TVA acquittée sur les',
      'encaissements.',
      'Powered by TCPDF (www.tcpdf.org)',
      'NETPRESSE',
      'Siège social : 16 rue Mollien - 92100 BOULOGNE – Tél : 01 71 17 61 67 – annonce@publicationannoncelegale.fr',
      'Sarl au capital de 10 000€ - RSC Paris B 530 848 134 – Siret 53084813400017 – TVA F63530848134',
      'Facture n° 2022089083 - Page 1/1',
    ]);
  });

  it('reads a generated note (pdf-lib: object streams, a compressed cross-reference, WinAnsi accents and €) line by line', async () => {
    expect((await intakeText(documents.get('note-honoraires-paris.pdf')!.content, Infinity)).split('\n')).toEqual([
      'Docteur Claire Morel',
      'Médecin généraliste – Conventionnée secteur 1',
      '12 rue Montorgueil, 75002 Paris',
      'Tél. : 01 42 33 18 27',
      'RPPS : 10103847264',
      'SIRET : 81472305200019',
      "NOTE D'HONORAIRES",
      'N° 2025-0314-07 – Paris, le 14/03/2025',
      'Patiente : Mme Marie Dupont',
      "N° d'adhérent : 12345678",
      'Assureur : Cigna – Caisse des Français de l’Étranger',
      'Consultation de médecine générale (G) 30,00 €',
      'Électrocardiogramme (CCAM DEQP003) 14,26 €',
      'Total acquitté 44,26 €',
      'Acquittée le 14/03/2025, réglée par carte bancaire.',
      'TVA non applicable, article 261-4-1° du CGI.',
    ]);
  });
});
