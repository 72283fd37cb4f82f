import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sentMessageIdHeader } from '../../functions/shared/domain/conversation.ts';
import { ledgerEntry } from '../../functions/shared/domain/ledger.ts';
import { composeMail } from '../support/contexts.ts';
import { fixture } from '../support/intake-harness.ts';
import { useIntakeHarness } from '../support/use-intake-harness.ts';

/** Debian's Chromium (.ci/run installs it), kept off the network: only 127.0.0.1 resolves. */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];
const BROWSER_START_TIMEOUT_MS = 60_000;

const harness = useIntakeHarness();

/** A style property as the browser computed it (reached through the element: this project's TypeScript has no DOM globals). */
const computedStyle = (page: Page, selector: string, property: string) =>
  page.locator(selector).evaluate((element, name) => element.ownerDocument.defaultView?.getComputedStyle(element).getPropertyValue(name), property);

describe('status page in a browser', () => {
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    // Playwright gives the browser a fresh profile in a temporary folder, removed on close.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, BROWSER_START_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
  });

  /** A page whose console errors (a refused style, a script error) are collected. */
  async function openPage(locale: string): Promise<{ page: Page; errors: string[] }> {
    context = await browser.newContext({ locale });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    return { page, errors };
  }

  async function acknowledgedLink(file: string, address: string): Promise<{ reference: string; link: string }> {
    const { event, sesMessageId } = await harness().receive(await fixture(`claims/${file}`));
    await harness().handler(event);
    const claim = await harness().claims.findByMessageId(sesMessageId);
    const reply = (await harness().aws.outbox.list()).find((email) => email.destination.to.includes(address));
    const link = reply?.body.text?.split('\n').find((line) => line.startsWith(harness().statusPage.url));
    if (!claim || !link) throw new Error(`no status link sent for ${file}`);
    return { reference: claim.reference, link };
  }

  it('shows the claim with its own style, which the page policy allows by hash, and nothing else', async () => {
    const { reference, link } = await acknowledgedLink('fr-paris-invoice.eml', 'marie.dupont@example.fr');
    const { page, errors } = await openPage('en-GB');

    const response = await page.goto(link);
    expect(response?.status()).toBe(200);
    expect(await page.title()).toBe(`Suivi de la demande ${reference}`);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Votre demande de remboursement ${reference}`);
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['Historique', 'Documents reçus']);
    expect(await page.getByRole('link').evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute('href')]))).toEqual([
      ['Suivre votre remboursement sur le portail de MEDICAL ADMINISTRATORS INTERNATIONAL', 'http://expat.cigna.medical-administrators.com/fr'],
    ]);
    expect(await computedStyle(page, '.status', 'border-left-color')).toBe('rgb(29, 79, 145)');
    expect(errors).toEqual([]);

    await page.locator('head').evaluate((head) => head.insertAdjacentHTML('beforeend', '<style>body{color:rgb(255, 0, 0)}</style>'));
    expect(await computedStyle(page, 'body', 'color')).toBe('rgb(26, 26, 26)');
    expect(errors).toEqual([expect.stringMatching(/^Applying inline style violates the following Content Security Policy directive 'style-src 'sha256-/)]);
    await context.close();
  });

  /**
   * A member's conversation through the intake: a message without documents, the reply to the
   * request with an invoice, then a page forgotten; the link the acknowledgement gave.
   */
  async function conversationLink(from: string, address: string, invoice: string, page: string): Promise<{ reference: string; link: string }> {
    const deliver = async (message: { subject: string; inReplyTo?: string; attachment?: string }) => {
      const raw = await composeMail({
        from,
        to: 'claims@claims.example.org',
        subject: message.subject,
        text: 'Bonjour / Hello',
        ...(message.inReplyTo ? { inReplyTo: message.inReplyTo, references: [message.inReplyTo] } : {}),
        attachments: message.attachment ? [{ filename: message.attachment, content: await fixture(`invoices/${message.attachment}`) }] : [],
      });
      const { event, sesMessageId } = await harness().receive(raw, { envelopeSender: address });
      await harness().handler(event);
      const claim = await harness().claims.findByMessageId(sesMessageId);
      if (!claim) throw new Error(`no claim for ${message.subject}`);
      return claim;
    };
    const requested = await deliver({ subject: 'Claim' });
    const threadOf = (id: string) => sentMessageIdHeader(ledgerEntry(requested, id)?.messageId ?? '', 'eu-west-1');
    await deliver({ subject: `Re: [${requested.reference}]`, inReplyTo: threadOf('reply'), attachment: invoice });
    const followedUp = await deliver({ subject: `Re: [${requested.reference}] one more page`, attachment: page });
    expect(followedUp.statusHistory.map((change) => change.status)).toEqual(['RECEIVED', 'NEEDS_INFO', 'RECEIVED', 'FORWARDED', 'FORWARDED']);
    const replies = (await harness().aws.outbox.list()).filter((email) => email.destination.to.includes(address));
    const link = replies.flatMap((email) => email.body.text?.split('\n') ?? []).find((line) => line.startsWith(harness().statusPage.url));
    if (!link) throw new Error(`no status link sent to ${address}`);
    return { reference: requested.reference, link };
  }

  /** The history the page shows, a step per line, without its times. */
  const historyOf = (page: Page) => page.locator('ol li').evaluateAll((items) => items.map((item) => item.textContent?.replace(/^.* – /, '')));

  it('shows a conversation that went NEEDS_INFO → FORWARDED → follow-up, step by step, in French and in English', async () => {
    const marie = await conversationLink('Marie Dupont <marie.dupont@example.fr>', 'marie.dupont@example.fr', 'invoice-phnom-penh.pdf', 'receipt-no-location.pdf');
    const john = await conversationLink('John Carter <john.carter@example.com>', 'john.carter@example.com', 'invoice-montreal.pdf', 'receipt-no-location.pdf');
    const { page, errors } = await openPage('en-GB');

    expect((await page.goto(marie.link))?.status()).toBe(200);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Votre demande de remboursement ${marie.reference}`);
    expect(await historyOf(page)).toEqual(['reçue', 'informations demandées', 'informations reçues', 'transmise', 'complément transmis']);
    expect(await page.locator('main').textContent()).not.toContain('receipt-no-location');

    expect((await page.goto(john.link))?.status()).toBe(200);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Your claim ${john.reference}`);
    expect(await historyOf(page)).toEqual(['received', 'information requested', 'information received', 'forwarded', 'follow-up forwarded']);
    expect(await page.locator('main').textContent()).not.toContain('John');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows an altered link the not-found page, in the browser language', async () => {
    const { link } = await acknowledgedLink('en-boston-bill.eml', 'john.carter@example.com');
    const altered = link.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'));
    const { page, errors } = await openPage('fr-FR');

    const response = await page.goto(altered);
    expect(response?.status()).toBe(404);
    expect(await page.title()).toBe("Ce lien de suivi n'est pas valide");
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(errors.filter((error) => !error.includes('404'))).toEqual([]);
    await context.close();
  });
});
