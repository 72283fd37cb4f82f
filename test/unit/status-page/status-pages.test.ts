import { describe, expect, it } from 'vitest';
import type { ClaimRecord } from '../../../functions/shared/domain/claim.ts';
import { renderClaimStatusPage } from '../../../functions/shared/status-page/claim-status-page.ts';
import { renderNotFoundPage } from '../../../functions/shared/status-page/not-found-page.ts';
import { acceptedLanguage, replyLanguageOf } from '../../../functions/shared/status-page/page-language.ts';
import { claimRecord, EARLIER_REFERENCE, REFERENCE } from '../../support/claim-records.ts';

const NBSP = '\u00a0';
const NARROW_NBSP = '\u202f';
const MAI_TRACKING = 'http://expat.cigna.medical-administrators.com/fr';

/** Bill Smith's claim, forwarded to MAI a minute after it arrived, with an invoice and a photo. */
const FORWARDED_CLAIM = claimRecord({
  status: 'FORWARDED',
  statusHistory: [
    { status: 'RECEIVED', at: '2026-03-15T13:30:00.000Z' },
    { status: 'FORWARDED', at: '2026-03-15T13:31:00.000Z', detail: 'member number found in subject; treatment location KH, routed to MAI' },
  ],
  documents: [
    { filename: 'facture-52093817-Bill-Smith.pdf', type: 'pdf', size: 123_456, sha256: 'a'.repeat(64), s3Key: 'documents/x/1', textRead: true },
    { filename: 'ordonnance.jpg', type: 'jpeg', size: 512, sha256: 'b'.repeat(64), s3Key: 'documents/x/2', textRead: false },
  ],
  acknowledgement: { to: 'bill.smith@example.org', messageId: '<sent-1@mailer.test>', at: '2026-03-15T13:31:01.000Z', language: 'en' },
});

const mainOf = (html: string) => /<main>\n([\s\S]*)\n<\/main>/.exec(html)?.[1];

describe('renderClaimStatusPage', () => {
  it('shows a forwarded claim in French: where it stands, when it came, who handles it, its history and documents', () => {
    const html = renderClaimStatusPage(FORWARDED_CLAIM, 'fr', {});

    expect(html.startsWith(`<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">`)).toBe(true);
    expect(html).toContain(`<title>Suivi de la demande ${REFERENCE}</title>`);
    expect(mainOf(html)).toBe(
      [
        `<h1>Votre demande de remboursement ${REFERENCE}</h1>`,
        '<p class="status">Transmise à MEDICAL ADMINISTRATORS INTERNATIONAL, qui gère votre remboursement.</p>',
        '<dl>',
        '<dt>Reçue le</dt><dd><time datetime="2026-03-15T13:30:00.000Z">15 mars 2026 à 14:30 UTC+1</time></dd>',
        `<dt>Traitée par</dt><dd>MEDICAL ADMINISTRATORS INTERNATIONAL<br><a href="${MAI_TRACKING}">Suivre votre remboursement sur le portail de MEDICAL ADMINISTRATORS INTERNATIONAL</a></dd>`,
        '</dl>',
        '<h2>Historique</h2>',
        '<ol>',
        '<li><time datetime="2026-03-15T13:30:00.000Z">15 mars 2026 à 14:30 UTC+1</time> – reçue</li>',
        '<li><time datetime="2026-03-15T13:31:00.000Z">15 mars 2026 à 14:31 UTC+1</time> – transmise</li>',
        '</ol>',
        '<h2>Documents reçus</h2>',
        '<ul>',
        `<li>Document 1${NBSP}: PDF, 123,5${NARROW_NBSP}ko</li>`,
        `<li>Document 2${NBSP}: JPEG, 512${NBSP}octets</li>`,
        '</ul>',
        '<p class="note">Rappelez la référence de votre demande pour toute question. Cette page ne montre ni votre nom ni vos coordonnées, seulement où en est votre demande.</p>',
      ].join('\n'),
    );
  });

  it('shows the same claim in English', () => {
    const html = renderClaimStatusPage(FORWARDED_CLAIM, 'en', {});

    expect(html).toContain('<html lang="en">');
    expect(html).toContain(`<title>Status of claim ${REFERENCE}</title>`);
    expect(mainOf(html)).toBe(
      [
        `<h1>Your claim ${REFERENCE}</h1>`,
        '<p class="status">Forwarded to MEDICAL ADMINISTRATORS INTERNATIONAL, which handles your claim.</p>',
        '<dl>',
        '<dt>Received on</dt><dd><time datetime="2026-03-15T13:30:00.000Z">15 March 2026 at 14:30 CET</time></dd>',
        `<dt>Handled by</dt><dd>MEDICAL ADMINISTRATORS INTERNATIONAL<br><a href="${MAI_TRACKING}">Track your claim on the portal of MEDICAL ADMINISTRATORS INTERNATIONAL</a></dd>`,
        '</dl>',
        '<h2>History</h2>',
        '<ol>',
        '<li><time datetime="2026-03-15T13:30:00.000Z">15 March 2026 at 14:30 CET</time> – received</li>',
        '<li><time datetime="2026-03-15T13:31:00.000Z">15 March 2026 at 14:31 CET</time> – forwarded</li>',
        '</ol>',
        '<h2>Documents received</h2>',
        '<ul>',
        '<li>Document 1: PDF, 123.5 kB</li>',
        '<li>Document 2: JPEG, 512 bytes</li>',
        '</ul>',
        '<p class="note">Please quote your claim reference in any question. This page shows neither your name nor your contact details, only where your claim stands.</p>',
      ].join('\n'),
    );
  });

  it('shows nothing that names the member, nor the file names or the reasons written for staff', () => {
    for (const language of ['fr', 'en'] as const) {
      const html = renderClaimStatusPage(FORWARDED_CLAIM, language, {});
      for (const hidden of ['52093817', 'Bill', 'Smith', 'bill.smith', 'facture', 'ordonnance', 'member number', 'phone number', 'ses-message', 'incoming/']) {
        expect(html, `${hidden} in ${language}`).not.toContain(hidden);
      }
    }
  });

  it("names the configured portal of the claim's administrator, escaped", () => {
    const html = renderClaimStatusPage(claimRecord({ status: 'FORWARDED', route: 'CIGNA_US' }), 'en', {
      CIGNA_US: { trackingUrl: 'https://portal.example.com/track?claims&lang="en"' },
    });

    expect(html).toContain(
      '<dt>Handled by</dt><dd>Cigna Global Health Benefits<br><a href="https://portal.example.com/track?claims&amp;lang=&quot;en&quot;">Track your claim on the portal of Cigna Global Health Benefits</a></dd>',
    );
  });

  it.each<[string, Partial<ClaimRecord>, string, string]>([
    ['received, its forward not sent yet', { status: 'RECEIVED' }, "Reçue\u00a0: nous la transmettons à l'organisme qui gère votre remboursement.", 'Received: we are forwarding it to the administrator who handles your claim.'],
    [
      'a duplicate',
      { status: 'DUPLICATE', duplicateOf: EARLIER_REFERENCE },
      `Ces documents avaient déjà été reçus avec la demande ${EARLIER_REFERENCE}\u00a0; ils n'ont pas été transmis une seconde fois.`,
      `These documents had already been received with claim ${EARLIER_REFERENCE}; they were not forwarded a second time.`,
    ],
    ['under review', { status: 'REVIEW', route: undefined }, "En cours d'examen par notre équipe, qui vous recontactera si nécessaire.", 'Being reviewed by our team, who will contact you if anything else is needed.'],
    [
      'waiting for information',
      { status: 'NEEDS_INFO', route: undefined },
      'En attente\u00a0: il nous manque des informations pour la traiter. Voyez le message que nous vous avons envoyé.',
      'Waiting: we need more information to process it. Please see the message we sent you.',
    ],
    ['ignored', { status: 'IGNORED', route: undefined }, "Non traitée\u00a0: ce message n'a pas été reconnu comme une demande de remboursement.", 'Not processed: this message was not recognised as a claim.'],
    ['quarantined', { status: 'QUARANTINED', route: undefined }, 'Non traitée\u00a0: ce message a été écarté par nos contrôles de sécurité.', 'Not processed: this message was set aside by our security checks.'],
    [
      'rejected by our team',
      { status: 'REJECTED', route: undefined },
      "Refusée\u00a0: notre équipe n'a pas pu accepter cette demande. Le message que nous vous avons envoyé en donne la raison.",
      'Declined: our team could not accept this claim. The message we sent you says why.',
    ],
  ])('says in plain words where a claim %s stands', (_, changes, french, english) => {
    const claim = claimRecord(changes);
    expect(renderClaimStatusPage(claim, 'fr', {})).toContain(`<p class="status">${french.replaceAll("'", '&#39;')}</p>`);
    expect(renderClaimStatusPage(claim, 'en', {})).toContain(`<p class="status">${english}</p>`);
  });

  it('names no administrator for a claim without a route, and says when no document came', () => {
    const html = renderClaimStatusPage(claimRecord({ status: 'REVIEW', route: undefined, documents: [] }), 'en', {});

    expect(html).not.toContain('Handled by');
    expect(html).not.toContain('<a ');
    expect(html).toContain('<h2>Documents received</h2>\n<p>No document attached.</p>');
  });

  it('names a rejection in the history without the reason the team gave: a link can be forwarded', () => {
    const claim = claimRecord({
      status: 'REJECTED',
      route: undefined,
      statusHistory: [
        { status: 'RECEIVED', at: '2026-03-15T13:30:00.000Z' },
        { status: 'REVIEW', at: '2026-03-15T13:30:02.000Z', detail: 'conflicting evidence' },
        { status: 'REJECTED', at: '2026-03-16T09:00:00.000Z', detail: 'treatment before the membership started' },
      ],
    });
    const html = renderClaimStatusPage(claim, 'en', {});
    expect(html).toContain('<li><time datetime="2026-03-16T09:00:00.000Z">16 March 2026 at 10:00 CET</time> – declined</li>\n</ol>');
    expect(html).not.toContain('membership started');
  });

  it('lists every status the claim went through, in order', () => {
    const claim = claimRecord({
      status: 'REVIEW',
      statusHistory: [
        { status: 'RECEIVED', at: '2026-03-15T13:30:00.000Z' },
        { status: 'REVIEW', at: '2026-03-15T13:30:02.000Z', detail: 'conflicting evidence' },
      ],
    });
    expect(renderClaimStatusPage(claim, 'fr', {})).toContain(
      `<ol>\n<li><time datetime="2026-03-15T13:30:00.000Z">15 mars 2026 à 14:30 UTC+1</time> – reçue</li>\n<li><time datetime="2026-03-15T13:30:02.000Z">15 mars 2026 à 14:30 UTC+1</time> – en cours d&#39;examen</li>\n</ol>`,
    );
  });
});

describe('renderNotFoundPage', () => {
  it.each([
    [
      'fr',
      [
        "<h1>Ce lien de suivi n&#39;est pas valide</h1>",
        '<p>Il a peut-être expiré, ou il a été copié incomplètement. Utilisez le lien complet du message que nous vous avons envoyé.</p>',
        "<p>Pour toute question sur votre remboursement, contactez l&#39;organisme qui le gère en rappelant la référence de votre demande.</p>",
      ],
    ],
    [
      'en',
      [
        '<h1>This status link is not valid</h1>',
        '<p>It may have expired, or been copied incompletely. Please use the full link from the message we sent you.</p>',
        '<p>For any question about your claim, contact the administrator handling it, quoting your claim reference.</p>',
      ],
    ],
  ] as const)('says in %s that the link is not valid, and nothing more', (language, body) => {
    const html = renderNotFoundPage(language);

    expect(html).toContain(`<html lang="${language}">`);
    expect(mainOf(html)).toBe(body.join('\n'));
  });
});

describe('page language', () => {
  it.each([
    [undefined, 'fr'],
    ['', 'fr'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['de-DE,de;q=0.9,en;q=0.8,fr;q=0.7', 'en'],
    ['de-DE,fr-CA;q=0.5,en;q=0.4', 'fr'],
    ['en;q=0.5, fr;q=0.8', 'fr'],
    ['fr;q=0, en;q=0.1', 'en'],
    ['EN-us', 'en'],
    ['english', 'fr'],
    ['en;q=abc', 'fr'],
    ['de, es', 'fr'],
  ])('reads Accept-Language %j as %s', (header, language) => {
    expect(acceptedLanguage(header)).toBe(language);
  });

  it("is the language of the claim's reply when it was written in one", () => {
    const acknowledged = (language: 'fr' | 'en' | 'both' | undefined) =>
      claimRecord({ acknowledgement: { to: 'x@example.org', messageId: '<m@x>', at: '2026-03-15T13:31:00.000Z', language } });
    expect(replyLanguageOf(acknowledged('en'))).toBe('en');
    expect(replyLanguageOf(acknowledged('fr'))).toBe('fr');
    expect(replyLanguageOf(acknowledged('both'))).toBeUndefined();
    expect(replyLanguageOf(acknowledged(undefined))).toBeUndefined();
    expect(replyLanguageOf(claimRecord())).toBeUndefined();
  });
});

describe("a sender's text on the status page", () => {
  const HOSTILE = claimRecord({
    status: 'REVIEW',
    channel: 'fax',
    fax: { callerNumber: '+33142680690', remoteStationId: '\u202eFDP.EXE\u0000\u001b[31m', pages: 1 },
    reasons: ['<a href="https://evil.example/">cliquez</a>.pdf is damaged'],
    statusHistory: [
      { status: 'RECEIVED', at: '2026-03-15T13:30:00.000Z' },
      { status: 'REVIEW', at: '2026-03-15T13:31:00.000Z', detail: '<script>alert(1)</script> https://evil.example/' },
    ],
    documents: [{ filename: '<a href="https://evil.example/">cliquez</a>.pdf', type: 'pdf', size: 512, sha256: 'a'.repeat(64), s3Key: 'documents/x/1', textRead: false }],
  });

  it.each(['fr', 'en'] as const)('is never shown, in %s: no file name, station id, reason or detail, and no link but the portals', (language) => {
    const html = renderClaimStatusPage(HOSTILE, language, {});

    for (const written of ['FDP.EXE', 'evil.example', 'cliquez', 'script', 'alert']) expect(html).not.toContain(written);
    expect(html).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e]/);
    expect([...html.matchAll(/<a\s[^>]*href="([^"]*)"/g)].map((match) => match[1])).toEqual([MAI_TRACKING]);
    expect(mainOf(html)).toContain(language === 'fr' ? `<li>Document 1${NBSP}: PDF, 512${NBSP}octets</li>` : '<li>Document 1: PDF, 512 bytes</li>');
  });
});
