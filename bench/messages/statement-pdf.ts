import { PDFContentStream, PDFDocument, PageSizes, StandardFonts, beginText, endText, nextLine, setFontAndSize, setLineHeight, moveText, showText } from 'pdf-lib';
import { renderInvoicePdf, type InvoiceContent } from '../../test/fixtures/generator/invoice-pdf.ts';

const MARGIN = 56;
const FONT_SIZE = 8;
const LINE_HEIGHT = 11;
/** Lines of acts an A4 page holds between its margins, below its heading line. */
const ACTS_PER_PAGE = Math.floor((PageSizes.A4[1] - 2 * MARGIN) / LINE_HEIGHT) - 2;

/** Acts of a hospital stay in Paris as the CCAM codes and labels them, with their fee. */
const ACTS: readonly (readonly [code: string, label: string, fee: string])[] = [
  ['YYYY001', 'Forfait journalier hospitalier, médecine', '20,00 €'],
  ['DEQP003', 'Électrocardiogramme sur au moins 12 dérivations', '14,26 €'],
  ['ZBQK002', 'Radiographie du thorax de face', '21,28 €'],
  ['ZCQM001', "Échographie transcutanée de l'abdomen", '56,70 €'],
  ['HZHE002', 'Prélèvement sanguin veineux, bilan biologique', '8,80 €'],
  ['GLLD004', 'Surveillance de la saturation en oxygène', '9,60 €'],
  ['EQQP004', 'Mesure de la pression artérielle sur 24 heures', '32,00 €'],
  ['QZJA002', 'Pansement de plaie opératoire, soin infirmier', '15,75 €'],
];
const DAYS_OF_STAY = 28;

/** One line of the statement: a day of the stay, an act, its fee and who performed it. */
function actLine(page: number, line: number): string {
  const number = page * ACTS_PER_PAGE + line;
  const [code, label, fee] = ACTS[number % ACTS.length] ?? ACTS[0]!;
  const day = String(1 + (Math.floor(number / ACTS.length) % DAYS_OF_STAY)).padStart(2, '0');
  return `${day}/03/2025   ${code}   ${label}   qté 1   ${fee}   Service de médecine interne, chambre ${100 + (number % 40)}`;
}

/**
 * An itemised statement of a hospital stay ("relevé détaillé des soins"): the invoice's page
 * (issuer, address, the member's number) then `pages - 1` pages of dated acts. The act pages are
 * written uncompressed, as some billing software writes them: the document weighs what its text
 * does, with no image and no embedded font.
 */
export async function statementPdf(invoice: InvoiceContent, pages: number): Promise<Buffer> {
  const document = await PDFDocument.load(await renderInvoicePdf(invoice));
  const font = await document.embedFont(StandardFonts.Helvetica);
  const [, height] = PageSizes.A4;
  for (let page = 1; page < pages; page += 1) {
    const pdfPage = document.addPage(PageSizes.A4);
    const fontName = pdfPage.node.newFontDictionary('F', font.ref);
    const lines = [`${invoice.issuer[0] ?? invoice.heading} – relevé détaillé des soins – page ${page + 1}/${pages}`, ''];
    for (let line = 0; line < ACTS_PER_PAGE; line += 1) lines.push(actLine(page, line));
    const operators = [
      beginText(),
      setFontAndSize(fontName, FONT_SIZE),
      setLineHeight(LINE_HEIGHT),
      moveText(MARGIN, height - MARGIN),
      ...lines.flatMap((text) => [showText(font.encodeText(text)), nextLine()]),
      endText(),
    ];
    const content = PDFContentStream.of(document.context.obj({}), operators, false);
    pdfPage.node.addContentStream(document.context.register(content));
  }
  return Buffer.from(await document.save());
}
