import { describe, expect, it } from 'vitest';
import { composeMail, sha256 } from '../support/contexts.ts';
import { fixture } from '../support/intake-harness.ts';
import { useIntakeHarness } from '../support/use-intake-harness.ts';

const FAX = 'fax@claims.example.org';
/** A remote station id as its owner can set it: shown reversed, a NUL, a terminal colour. */
const HOSTILE = '\u202eFDP.EXE\u0000\u001b[31m';
/** What no stored or sent text may carry: controls but the line ends, bidi controls, zero-width characters. */
const UNSAFE = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069\ufeff]/u;

const harness = useIntakeHarness();

describe("a sender's text through the intake, against the emulators", { timeout: 120_000 }, () => {
  it('records and forwards a fax whose station id and file name carry bidi overrides, NUL and an escape as they show', async () => {
    const invoice = await fixture('invoices/note-honoraires-paris.pdf');
    const raw = await composeMail({
      from: 'The HylaFAX Receive Agent <fax@pbx.example.com>',
      to: FAX,
      subject: `Fax received from "${HOSTILE}"`,
      text: `recvq/fax00042.tif:\n          Sender: ${HOSTILE}\n           Pages: 1\n         CallID1: +212522264800\n`,
      attachments: [{ filename: `${HOSTILE}\u200b.pdf`, content: invoice, contentType: 'application/pdf' }],
    });
    const { event, sesMessageId } = await harness().receive(raw, { recipients: [FAX] });

    expect(await harness().handler(event)).toEqual({ batchItemFailures: [] });
    const claim = (await harness().claims.findByMessageId(sesMessageId)) ?? expect.unreachable('no claim recorded');
    // The member number on the invoice names Marie Dupont.
    expect(claim).toMatchObject({ status: 'FORWARDED', channel: 'fax', memberId: '12345678', fax: { gateway: 'HylaFAX', callerNumber: '+212522264800', remoteStationId: 'FDP.EXE', pages: 1 } });
    expect(claim.documents.map(({ filename, s3Key, sha256: hash }) => ({ filename, s3Key, sha256: hash }))).toEqual([
      { filename: 'FDP.EXE.pdf', s3Key: `documents/${claim.reference}/1-FDP.EXE.pdf`, sha256: sha256(invoice) },
    ]);
    expect(JSON.stringify(claim)).not.toMatch(/\\u00[01]|\\u007f|\u202e|\u200b/);

    const [forward, ...replies] = await harness().aws.outbox.list();
    expect(replies.map((reply) => reply.destination.to)).toEqual([['marie.dupont@example.fr']]);
    const cover = forward ?? expect.unreachable('nothing forwarded');
    expect(cover.attachments.map(({ filename }) => filename)).toEqual(['FDP.EXE.pdf', `claim-${claim.reference}.fhir.json`]);
    expect(cover.body.text).toContain('\nFax station ID: FDP.EXE\n');
    expect(cover.body.text).toMatch(/\n- FDP\.EXE\.pdf – PDF, [\d.]+ kB, text read\n/);
    expect(cover.body.html).toContain('Fax station ID: FDP.EXE<br>');
    for (const sent of [cover, ...replies]) {
      for (const text of [sent.subject, sent.body.text ?? '', sent.body.html ?? '']) expect(text).not.toMatch(UNSAFE);
    }
  });
});
