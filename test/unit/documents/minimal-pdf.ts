import { deflateSync } from 'node:zlib';

/** An object's body after "n 0 obj": a dictionary, a stream (see `stream`), any value. */
export type ObjectBodies = Readonly<Record<number, string | Buffer>>;

const latin1 = (text: string | Buffer): Buffer => (typeof text === 'string' ? Buffer.from(text, 'latin1') : text);

/** A stream object's body: its dictionary (without << >>), a /Length added, then its data. */
export function stream(dict: string, data: string | Buffer): Buffer {
  const bytes = latin1(data);
  return Buffer.concat([latin1(`<< ${dict} /Length ${bytes.length} >>\nstream\n`), bytes, latin1('\nendstream')]);
}

/** A stream compressed with FlateDecode. */
export const deflatedStream = (dict: string, data: string | Buffer): Buffer => stream(`${dict} /Filter /FlateDecode`, deflateSync(latin1(data)));

function objectsSection(objects: ObjectBodies, start: number): { bytes: Buffer; offsets: Map<number, number> } {
  const parts: Buffer[] = [];
  const offsets = new Map<number, number>();
  let offset = start;
  for (const [number, body] of Object.entries(objects)) {
    const object = Buffer.concat([latin1(`${number} 0 obj\n`), latin1(body), latin1('\nendobj\n')]);
    offsets.set(Number(number), offset);
    parts.push(object);
    offset += object.length;
  }
  return { bytes: Buffer.concat(parts), offsets };
}

function xrefTable(offsets: ReadonlyMap<number, number>, withFreeHead: boolean): string {
  const lines = ['xref'];
  if (withFreeHead) lines.push('0 1', '0000000000 65535 f ');
  for (const [number, offset] of [...offsets].sort(([a], [b]) => a - b)) lines.push(`${number} 1`, `${String(offset).padStart(10, '0')} 00000 n `);
  return `${lines.join('\n')}\n`;
}

const HEADER = latin1('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');

/** A PDF with a classic cross-reference table; the catalog is object 1. */
export function buildPdf(objects: ObjectBodies, trailer = ''): Buffer {
  const { bytes, offsets } = objectsSection(objects, HEADER.length);
  const xrefOffset = HEADER.length + bytes.length;
  const size = Math.max(...offsets.keys()) + 1;
  return Buffer.concat([HEADER, bytes, latin1(`${xrefTable(offsets, true)}trailer\n<< /Size ${size} /Root 1 0 R ${trailer} >>\nstartxref\n${xrefOffset}\n%%EOF\n`)]);
}

/** An incremental update appended to a PDF: new or replaced objects, and a table whose /Prev is the previous one. */
export function appendUpdate(pdf: Buffer, objects: ObjectBodies): Buffer {
  const previous = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(pdf.toString('latin1'))![1]);
  const { bytes, offsets } = objectsSection(objects, pdf.length);
  const xrefOffset = pdf.length + bytes.length;
  const size = Math.max(...offsets.keys()) + 1;
  return Buffer.concat([pdf, bytes, latin1(`${xrefTable(offsets, false)}trailer\n<< /Size ${size} /Root 1 0 R /Prev ${previous} >>\nstartxref\n${xrefOffset}\n%%EOF\n`)]);
}

/**
 * A PDF whose cross-reference is a compressed stream with a PNG predictor, and whose objects
 * listed in `compressed` are in an object stream, as PDF 1.5 writers save them.
 */
export function buildPdfWithXrefStream(objects: ObjectBodies, compressed: readonly number[]): Buffer {
  const numbers = Object.keys(objects).map(Number);
  const objectStreamNumber = Math.max(...numbers) + 1;
  const xrefStreamNumber = objectStreamNumber + 1;
  let objectStreamData = '';
  const pairs: string[] = [];
  for (const number of compressed) {
    pairs.push(`${number} ${objectStreamData.length}`);
    objectStreamData += `${latin1(objects[number]!).toString('latin1')}\n`;
  }
  const header = `${pairs.join(' ')}\n`;
  const direct: Record<number, string | Buffer> = Object.fromEntries(Object.entries(objects).filter(([number]) => !compressed.includes(Number(number))));
  direct[objectStreamNumber] = deflatedStream(`/Type /ObjStm /N ${compressed.length} /First ${header.length}`, header + objectStreamData);
  const { bytes, offsets } = objectsSection(direct, HEADER.length);
  const xrefOffset = HEADER.length + bytes.length;
  const rows: number[][] = [[0, 0, 0xff]];
  for (let number = 1; number < xrefStreamNumber; number += 1) {
    const index = compressed.indexOf(number);
    if (index >= 0) rows.push([2, objectStreamNumber, index]);
    else rows.push([1, offsets.get(number) ?? 0, 0]);
  }
  rows.push([1, xrefOffset, 0]);
  // Rows of 1 + 2 + 1 bytes, each after its PNG "Up" filter byte.
  const widths = [1, 2, 1];
  const rowBytes = rows.map((row) => [row[0]!, row[1]! >> 8, row[1]! & 0xff, row[2]!]);
  const filtered: number[] = [];
  rowBytes.forEach((row, index) => {
    const above = rowBytes[index - 1] ?? [0, 0, 0, 0];
    filtered.push(2, ...row.map((byte, column) => (byte - above[column]! + 256) & 0xff));
  });
  const xrefStream = deflatedStream(
    `/Type /XRef /Size ${xrefStreamNumber + 1} /W [${widths.join(' ')}] /Root 1 0 R /DecodeParms << /Predictor 12 /Columns 4 >>`,
    Buffer.from(filtered),
  );
  return Buffer.concat([HEADER, bytes, latin1(`${xrefStreamNumber} 0 obj\n`), xrefStream, latin1(`\nendobj\nstartxref\n${xrefOffset}\n%%EOF\n`)]);
}

export const HELVETICA = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';

/**
 * The objects of a one-page document: catalog 1, pages 2, page 3 with the given resources
 * (default: Helvetica as /F1, object 4) and content stream 5.
 */
export function onePageObjects(content: string | Buffer, resources = '<< /Font << /F1 4 0 R >> >>'): Record<number, string | Buffer> {
  return {
    1: '<< /Type /Catalog /Pages 2 0 R >>',
    2: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    3: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources ${resources} /Contents 5 0 R >>`,
    4: HELVETICA,
    5: deflatedStream('', content),
  };
}
