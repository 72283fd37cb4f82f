import { createTransport } from 'nodemailer';
import { LOCAL_CLAIMS_DOMAIN } from '../../bin/local/intake-environment.ts';
import type { LoadIntake, Received } from './load-intake.ts';
import type { LoadMessage } from './load-messages.ts';

export interface SentLoad {
  /** SES's message id of each message, by its index in the load. */
  readonly sesMessageIds: ReadonlyMap<number, string>;
  /** Each message's time from its first delivery to its last. */
  readonly processingTimes: readonly number[];
  readonly elapsedMs: number;
}

const CLAIMS_ADDRESS = `claims@${LOCAL_CLAIMS_DOMAIN}`;
const PROGRESS_EVERY = 100;

/** SMTP to SES receiving, as many connections as messages in flight. */
export class LoadSender {
  private readonly transport;

  constructor(
    port: number,
    private readonly intake: LoadIntake,
    private readonly concurrency: number,
  ) {
    this.transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, pool: true, maxConnections: concurrency, maxMessages: Infinity });
  }

  /** Sends one message and waits until it is processed; resolves to its SES message id. */
  async send(from: string, raw: Buffer, received: Received): Promise<string> {
    const info = await this.transport.sendMail({ envelope: { from, to: CLAIMS_ADDRESS }, raw });
    const sesMessageId = /Ok ([0-9a-f]+)/.exec(String(info.response))?.[1];
    if (!sesMessageId) throw new Error(`SES receiving did not take a message: ${String(info.response)}`);
    this.intake.took(sesMessageId, received);
    await this.intake.processingTime(sesMessageId);
    return sesMessageId;
  }

  /**
   * Sends the messages in order, `concurrency` in flight: each sender waits for its message to be
   * processed before taking the next, and a message that follows another waits for that one.
   */
  async sendAll(messages: readonly LoadMessage[], progress: (message: string) => void): Promise<SentLoad> {
    const sent = new Map<number, Promise<string>>();
    const processingTimes: number[] = [];
    const queue = [...messages];
    const sender = async () => {
      for (let message = queue.shift(); message !== undefined; message = queue.shift()) {
        if (message.after !== undefined) await sent.get(message.after);
        const sending = this.send(message.from, message.raw, { message });
        sent.set(message.plan.index, sending);
        processingTimes.push(await this.intake.processingTime(await sending));
        if (processingTimes.length % PROGRESS_EVERY === 0) progress(`${processingTimes.length} messages processed`);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: this.concurrency }, sender));
    const elapsedMs = performance.now() - started;
    const sesMessageIds = new Map<number, string>();
    for (const [index, sesMessageId] of sent) sesMessageIds.set(index, await sesMessageId);
    return { sesMessageIds, processingTimes, elapsedMs };
  }

  close(): void {
    this.transport.close();
  }
}
