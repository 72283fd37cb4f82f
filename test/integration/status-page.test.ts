import { describe, expect, it } from 'vitest';
import type { OutboxEmail } from '../../bin/local/local-aws.ts';
import { fixture, type Delivery } from '../support/intake-harness.ts';
import { useIntakeHarness } from '../support/use-intake-harness.ts';

const harness = useIntakeHarness();

async function deliver(file: string, delivery?: Delivery) {
  const { event, sesMessageId } = await harness().receive(await fixture(`claims/${file}`), delivery);
  expect(await harness().handler(event)).toEqual({ batchItemFailures: [] });
  const claim = await harness().claims.findByMessageId(sesMessageId);
  if (!claim) throw new Error(`no claim recorded for ${file}`);
  return claim;
}

/** The reply the member got, and the status link in it (in the text part and, the same, in the HTML part). */
async function replyTo(address: string): Promise<{ reply: OutboxEmail; link: string | undefined }> {
  const reply = (await harness().aws.outbox.list()).find((email) => email.destination.to.includes(address));
  if (!reply) throw new Error(`no reply to ${address}`);
  const link = reply.body.text?.split('\n').find((line) => line.startsWith(harness().statusPage.url));
  return { reply, link };
}

const open = (link: string, init: RequestInit = {}) => fetch(link, { redirect: 'manual', ...init });

const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'x-robots-tag': 'noindex',
};

describe('status page against the emulators', () => {
  it("links a French acknowledgement to the claim's page, which shows where the claim stands in French", async () => {
    const claim = await deliver('fr-paris-invoice.eml');
    const { reply, link } = await replyTo('marie.dupont@example.fr');

    expect(link).toMatch(new RegExp(`^${harness().statusPage.url}claims/${claim.reference}\\?t=\\d{10}\\.[A-Za-z0-9_-]{43}$`));
    expect(reply.body.text).toContain(`Suivez votre demande sur notre page de suivi\u00a0:\n${link}`);
    expect(reply.body.html).toContain(`<a href="${link}">${link}</a>`);
    expect(claim.acknowledgement?.language).toBe('fr');

    const page = await open(link!, { headers: { 'Accept-Language': 'en-GB,en' } });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(Object.fromEntries([...page.headers].filter(([name]) => name in SECURITY_HEADERS))).toEqual(SECURITY_HEADERS);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]{43}='; /);
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain(`<h1>Votre demande de remboursement ${claim.reference}</h1>`);
    expect(html).toContain('<p class="status">Transmise à MEDICAL ADMINISTRATORS INTERNATIONAL, qui gère votre remboursement.</p>');
    expect(html).toContain('– reçue</li>\n<li>');
    expect(html).toContain('– transmise</li>\n</ol>');
    expect(html).toContain('<li>Document 1\u00a0: PDF, ');
    for (const personal of ['Marie', 'Dupont', '12345678', 'marie.dupont', 'note-honoraires-paris']) expect(html).not.toContain(personal);
  });

  it('shows an English claim in English, with the administrator in the USA and its portal', async () => {
    const claim = await deliver('en-boston-bill.eml');
    const { link } = await replyTo('john.carter@example.com');

    const html = await (await open(link!, { headers: { 'Accept-Language': 'fr-FR' } })).text();
    expect(html).toContain(`<h1>Your claim ${claim.reference}</h1>`);
    expect(html).toContain('<p class="status">Forwarded to Cigna Global Health Benefits, which handles your claim.</p>');
    expect(html).toContain('<a href="https://www.cignaenvoy.com">Track your claim on the portal of Cigna Global Health Benefits</a>');
  });

  it('answers a tampered, a truncated, a missing or a borrowed token, and an unknown claim, with the same not-found page', async () => {
    const claim = await deliver('cambodia-usd-invoice.eml');
    const { link } = await replyTo('bill.smith@example.org');
    const url = new URL(link!);
    const token = url.searchParams.get('t')!;
    const signature = token.split('.')[1]!;
    const tampered = token.replace(signature, `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`);
    const attempts = [
      `${harness().statusPage.url}claims/${claim.reference}?t=${tampered}`,
      `${harness().statusPage.url}claims/${claim.reference}?t=${token.slice(0, -1)}`,
      `${harness().statusPage.url}claims/${claim.reference}?t=${Number(token.split('.')[0]) + 86_400}.${signature}`,
      `${harness().statusPage.url}claims/${claim.reference}`,
      `${harness().statusPage.url}claims/CLM-2026-2B8D4M?t=${token}`,
      `${harness().statusPage.url}?t=${token}`,
    ];

    const answers = await Promise.all(attempts.map(async (attempt) => {
      const response = await open(attempt, { headers: { 'Accept-Language': 'en' } });
      return { status: response.status, cacheControl: response.headers.get('cache-control'), body: await response.text() };
    }));
    for (const answer of answers) {
      expect(answer).toEqual(answers[0]);
    }
    expect(answers[0]).toMatchObject({ status: 404, cacheControl: 'no-store' });
    expect(answers[0]?.body).toContain('<h1>This status link is not valid</h1>');
    expect(answers[0]?.body).not.toContain(claim.reference);
    expect((await open(link!)).status).toBe(200);
  });

  it('answers HEAD without a body and refuses to be written to', async () => {
    await deliver('en-boston-bill.eml');
    const { link } = await replyTo('john.carter@example.com');

    const head = await open(link!, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await open(link!, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it("links a review reply to the claim's page, which says a person is looking at it", async () => {
    const claim = await deliver('mixed-us-fr.eml');
    const { link } = await replyTo('marie.dupont@example.fr');

    expect(link).toContain(`/claims/${claim.reference}?t=`);
    const html = await (await open(link!)).text();
    expect(html).toContain('<p class="status">En cours d&#39;examen par notre équipe, qui vous recontactera si nécessaire.</p>');
    expect(html).not.toContain('Traitée par');
  });

  it('links a duplicate reply to the earlier claim the documents came with', async () => {
    const original = await deliver('canada-dollar-invoice.eml');
    await harness().aws.outbox.clear();
    const duplicate = await deliver('forwarded-invoice.eml');
    const { link } = await replyTo('lucie.bernard@example.org');

    expect(duplicate).toMatchObject({ status: 'DUPLICATE', duplicateOf: original.reference });
    expect(link).toContain(`/claims/${original.reference}?t=`);
    const html = await (await open(link!)).text();
    expect(html).toContain(`<h1>Votre demande de remboursement ${original.reference}</h1>`);
    expect(html).toContain('<p class="status">Transmise à MEDICAL ADMINISTRATORS INTERNATIONAL, qui gère votre remboursement.</p>');
  });

  it('gives no link in a request for a missing document', async () => {
    await deliver('no-attachment.eml');
    const { reply, link } = await replyTo('john.carter@example.com');

    expect(link).toBeUndefined();
    expect(reply.body.text).not.toContain('/claims/');
  });
});
