import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { InMemoryMemberDirectory } from '../../../functions/shared/adapters/in-memory-member-directory.ts';
import { knownFaxGateways } from '../../../functions/shared/domain/fax/index.ts';
import { DEFAULT_SCAN_LIMITS, type OcrEngine, type OcrPageText } from '../../../functions/shared/domain/scans/index.ts';
import type { Verdicts } from '../../../functions/shared/domain/types.ts';
import { triage } from '../../../functions/shared/pipeline/triage.ts';
import { composeMail, envelope, PASSING_VERDICTS, SAMPLE_MEMBERS } from '../../support/contexts.ts';
import { Deadline, DeadlineExceededError } from '../../../functions/shared/domain/deadline.ts';
import { TEST_CLAIM_TIME_MS } from '../../support/document-reading.ts';

const FAX = 'fax@claims.example.org';
const directory = new InMemoryMemberDirectory(SAMPLE_MEMBERS);
const sharedFax = (name: string) => readFile(path.resolve('test', 'fixtures', 'third-party', 'fax', name));
const sample = (folder: string, name: string) => readFile(path.resolve('test', 'fixtures', folder, name));

/** An engine that reads every page as the given text, and counts the pages it was given. */
class ScriptedEngine implements OcrEngine {
  readonly name = 'tesseract';
  pagesRead = 0;
  constructor(private readonly read: (page: number, signal: AbortSignal) => Promise<OcrPageText>) {}
  recognize(_image: Buffer, signal: AbortSignal): Promise<OcrPageText> {
    this.pagesRead += 1;
    return this.read(this.pagesRead, signal);
  }
  async release(): Promise<void> {}
}

/** A statement, as a claim is forwarded only for a document that reads as an invoice, receipt or statement. */
const BOSTON_PAGE = { text: 'Back Bay Medical Center\nBoston, MA 02115\nSTATEMENT\nMember ID: 20481632\nOffice visit 227.00\nBalance due 227.00', confidence: 91.6 };

async function triageFax(raw: Buffer, engine: OcrEngine, options: { ocrTimeLimitMs?: number; verdicts?: Verdicts; claimTimeMs?: number } = {}) {
  return triage(envelope({ recipients: [FAX], verdicts: options.verdicts ?? PASSING_VERDICTS }), raw, directory, {
    ownAddresses: ['claims@claims.example.org', FAX],
    faxLocalPart: 'fax',
    faxGateways: knownFaxGateways([]),
    scans: { engine, limits: DEFAULT_SCAN_LIMITS, ocrTimeLimitMs: options.ocrTimeLimitMs ?? 60_000 },
  }, Deadline.in(options.claimTimeMs ?? TEST_CLAIM_TIME_MS));
}

/** An engine that reads page 1, then works on page 2 until its time is taken away. */
function readingPageOneOnly(): ScriptedEngine {
  return new ScriptedEngine(
    (page, signal) =>
      new Promise((resolve, reject) => {
        if (page === 1) return resolve(BOSTON_PAGE);
        if (signal.aborted) return reject(signal.reason);
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      }),
  );
}

async function efax(attachment: { filename: string; content: Buffer }, subject = 'eFax message from "unknown" - 2 page(s), Caller-ID: UNAVAILABLE') {
  return composeMail({ from: 'eFax <message@inbound.efax.com>', to: FAX, subject, text: 'You have received a fax.', attachments: [{ ...attachment, contentType: 'image/tiff' }] });
}

describe('reading scans in the triage', () => {
  it('reads a fax TIFF page by page, keeps the OCR confidence, and makes a PDF of it for the forward', async () => {
    const engine = new ScriptedEngine(async (page) => (page === 1 ? BOSTON_PAGE : { text: 'Balance due USD 227.00', confidence: 88 }));
    const tiff = await sample('scans', 'fax-boston-standard-g4.tif');
    const context = await triageFax(await efax({ filename: 'FAX_0001.tif', content: tiff }), engine);

    const [document] = context.documents ?? [];
    expect(document).toMatchObject({
      filename: 'FAX_0001.tif',
      textRead: true,
      pageCount: 2,
      text: `${BOSTON_PAGE.text}\n\nBalance due USD 227.00`,
      ocr: { engine: 'tesseract', meanConfidence: 90, pages: [{ page: 1, text: BOSTON_PAGE.text, confidence: 92 }, { page: 2, text: 'Balance due USD 227.00', confidence: 88 }] },
    });
    expect(document?.notReadReason).toBeUndefined();
    expect(context.outcome).toMatchObject({ status: 'FORWARDED' });
    expect(context.identification?.member?.memberId).toBe('20481632');
    const [rendition, ...others] = context.renditions ?? [];
    expect(others).toEqual([]);
    expect({ of: rendition?.of, filename: rendition?.filename, contentType: rendition?.contentType }).toEqual({ of: 'FAX_0001.tif', filename: 'FAX_0001.pdf', contentType: 'application/pdf' });
    expect((await PDFDocument.load(rendition?.content ?? Buffer.alloc(0))).getPageCount()).toBe(2);
  });

  it('never starts OCR for a claim whose documents have a text layer', async () => {
    const engine = new ScriptedEngine(async () => expect.unreachable('OCR started'));
    const raw = await sample('claims', 'fr-paris-invoice.eml');
    const context = await triage(envelope(), raw, directory, {
      ownAddresses: ['claims@claims.example.org'],
      faxLocalPart: 'fax',
      faxGateways: knownFaxGateways([]),
      scans: { engine, limits: DEFAULT_SCAN_LIMITS, ocrTimeLimitMs: 60_000 },
    }, Deadline.in(TEST_CLAIM_TIME_MS));
    expect(engine.pagesRead).toBe(0);
    expect(context.outcome?.status).toBe('FORWARDED');
    expect(context.renditions).toBeUndefined();
  });

  it("leaves the pages after the claim's OCR time unread, and says so", async () => {
    const engine = readingPageOneOnly();
    const tiff = await sample('scans', 'fax-boston-standard-g4.tif');
    // Decoding the fax takes its share of the OCR time too: a decoder process may have to start.
    const context = await triageFax(await efax({ filename: 'FAX_0002.tif', content: tiff }), engine, { ocrTimeLimitMs: 4000 });

    expect(context.documents?.[0]?.ocr).toEqual({
      engine: 'tesseract',
      pages: [{ page: 1, text: BOSTON_PAGE.text, confidence: 92 }],
      meanConfidence: 92,
      elapsedMs: expect.any(Number),
      pagesNotRead: "page 2 not read: the claim's 4-second OCR time ran out",
    });
    expect(context.documents?.[0]?.ocr?.elapsedMs).toBeGreaterThanOrEqual(1000);
    expect(context.outcome?.status).toBe('FORWARDED');
  });

  it("stops with DeadlineExceededError when the claim's own time runs out during OCR: the next try has the time", async () => {
    const engine = readingPageOneOnly();
    const tiff = await sample('scans', 'fax-boston-standard-g4.tif');
    const fax = await efax({ filename: 'FAX_0002.tif', content: tiff });

    await expect(triageFax(fax, engine, { ocrTimeLimitMs: 60_000, claimTimeMs: 6000 })).rejects.toThrow(new DeadlineExceededError('reading the scans'));
    expect(engine.pagesRead).toBe(2);
  });

  it('sends a claim with a damaged fax TIFF to a person, with the reason, even when the member and the country are known', async () => {
    const engine = new ScriptedEngine(async () => BOSTON_PAGE);
    const raw = await composeMail({
      from: 'eFax <message@inbound.efax.com>',
      to: FAX,
      subject: 'eFax message from "unknown" - 2 page(s), Caller-ID: UNAVAILABLE',
      text: 'You have received a fax.',
      attachments: [
        { filename: 'FAX_0003.tif', content: await sample('scans', 'fax-boston-standard-g4.tif'), contentType: 'image/tiff' },
        { filename: 'FAX_0004.tif', content: await sharedFax('libtiff-g3-premature-eol-malformed.tif'), contentType: 'image/tiff' },
      ],
    });
    const context = await triageFax(raw, engine);

    expect(context.documents?.map(({ filename, textRead, damaged, notReadReason }) => ({ filename, textRead, damaged, notReadReason }))).toEqual([
      { filename: 'FAX_0003.tif', textRead: true, damaged: undefined, notReadReason: undefined },
      { filename: 'FAX_0004.tif', textRead: false, damaged: true, notReadReason: 'damaged TIFF: page 1 cannot be decoded' },
    ]);
    expect(context.identification?.member?.memberId).toBe('20481632');
    expect(context.outcome).toEqual({
      status: 'REVIEW',
      reasons: [
        'member number found in FAX_0003.tif',
        'treatment location US, routed to CIGNA_US',
        'FAX_0003.tif: US state and ZIP code MA 02115 (US)',
        'FAX_0003.tif: place name Boston (US)',
        'FAX_0004.tif is damaged: damaged TIFF: page 1 cannot be decoded',
      ],
    });
  });

  it('identifies the member by the registered fax number the fax came from, and counts its pages when the gateway did not', async () => {
    const engine = new ScriptedEngine(async () => ({ text: 'Clinique Anfa\nCasablanca, Maroc\nFACTURE 2026-118\nConsultation 400,00 MAD\nTotal 400,00 MAD', confidence: 90 }));
    const raw = await composeMail({
      from: 'fax@freepbx.example.com',
      to: FAX,
      subject: 'New fax from: "Clinique" <+212 522-264800>',
      text: 'Enclosed, please find a new fax from: "Clinique" <+212 522-264800>',
      attachments: [{ filename: 'fax.tif', content: await sample('scans', 'fax-boston-standard-g4.tif'), contentType: 'image/tiff' }],
    });
    const context = await triageFax(raw, engine);

    expect(context.fax).toEqual({ gateway: 'FreePBX', callerNumber: '+212522264800', pages: 2 });
    expect(context.identification).toEqual({
      member: SAMPLE_MEMBERS.find((member) => member.memberId === '30571902'),
      ambiguous: false,
      reasons: ['identified by the registered fax number the fax came from'],
    });
    expect(context.outcome?.status).toBe('FORWARDED');
  });

  it('does not trust a caller number the gateway did not authenticate', async () => {
    const engine = new ScriptedEngine(async () => ({ text: 'Casablanca, Maroc', confidence: 90 }));
    const raw = await efax({ filename: 'fax.tif', content: await sample('scans', 'fax-boston-standard-g4.tif') }, 'eFax message from "x" - 2 page(s), Caller-ID: +212 522-264800');
    // SPF passed for whatever envelope sender, but DMARC says the gateway's From domain is forged.
    const context = await triageFax(raw, engine, { verdicts: { ...PASSING_VERDICTS, spf: 'PASS', dkim: 'FAIL', dmarc: 'FAIL' } });

    expect(context.fax?.callerNumber).toBe('+212522264800');
    expect(context.identification).toEqual({
      ambiguous: false,
      reasons: ["no member number, and the sender is not authenticated: DMARC failed for the sender's domain"],
    });
    expect(context.outcome).toEqual({ status: 'REVIEW', reasons: ["no member number, and the sender is not authenticated: DMARC failed for the sender's domain"] });
  });

  it('sends a fax from nobody known to a person rather than asking its gateway for a member number', async () => {
    const engine = new ScriptedEngine(async () => ({ text: 'Casablanca, Maroc', confidence: 90 }));
    const raw = await efax({ filename: 'fax.tif', content: await sample('scans', 'fax-boston-standard-g4.tif') });
    const context = await triageFax(raw, engine);

    expect(context.outcome).toEqual({
      status: 'REVIEW',
      reasons: ['no member number, and the sender address is not registered', 'a fax gateway cannot be asked for the member number'],
    });
  });
});
