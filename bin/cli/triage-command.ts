import { readFile } from 'node:fs/promises';
import { InMemoryMemberDirectory } from '../../functions/shared/adapters/in-memory-member-directory.ts';
import { parseMembersCsv } from '../../functions/shared/adapters/members-csv.ts';
import { TesseractEngine } from '../../functions/shared/adapters/ocr/tesseract-engine.ts';
import { DEFAULT_OCR_TIME_LIMIT_SECONDS } from '../../functions/shared/config.ts';
import { Deadline } from '../../functions/shared/domain/deadline.ts';
import { knownFaxGateways } from '../../functions/shared/domain/fax/index.ts';
import { DEFAULT_SCAN_LIMITS } from '../../functions/shared/domain/scans/index.ts';
import { DMARC_POLICIES, type DmarcPolicy, type Verdicts, type VerdictStatus } from '../../functions/shared/domain/types.ts';
import { verdictsFromHeaders } from '../../functions/shared/events/verdict-headers.ts';
import { triage } from '../../functions/shared/pipeline/triage.ts';
import { triageReport, type TriageReport } from '../../functions/shared/pipeline/triage-report.ts';
import { INTAKE_TIMEOUT_MS } from '../local/lambda-context.ts';
import { InputError, UsageError } from './usage-error.ts';


export interface TriageOptions {
  readonly messagePath: string;
  readonly membersPath: string;
  readonly to?: string;
  readonly verdicts?: string;
}

/**
 * The intake's decision for one .eml file, with members from a CSV file: no AWS, nothing sent.
 * Scans are read offline with tesseract.js, within the deployed function's default OCR time.
 */
export async function runTriage(options: TriageOptions): Promise<TriageReport> {
  const raw = await readInput(options.messagePath, 'message');
  const members = parseMembersCsv((await readInput(options.membersPath, 'members file')).toString('utf8'));
  const recipients = options.to ? [options.to] : recipientsFromHeaders(raw);
  const engine = new TesseractEngine();
  try {
    const context = await triage(
      {
        sesMessageId: 'triage',
        receivedAt: new Date(),
        envelopeSender: returnPath(raw),
        recipients,
        verdicts: options.verdicts ? parseVerdicts(options.verdicts) : verdictsFromHeaders(raw),
      },
      raw,
      new InMemoryMemberDirectory(members),
      {
        ownAddresses: intakeAddresses(options.to, process.env),
        faxLocalPart: 'fax',
        faxGateways: knownFaxGateways([]),
        scans: { engine, limits: DEFAULT_SCAN_LIMITS, ocrTimeLimitMs: DEFAULT_OCR_TIME_LIMIT_SECONDS * 1000 },
      },
      Deadline.in(INTAKE_TIMEOUT_MS),
    );
    return triageReport(context);
  } finally {
    await engine.release();
  }
}

async function readInput(path: string, what: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new InputError(`cannot read ${what} ${path}: ${code}`);
  }
}

/**
 * The intake's own addresses, whose mail coming back is a loop: `--to`, and those the function
 * is configured with (INTAKE_ADDRESSES, SENDER_ADDRESS) when set. Never the message's own `To`.
 */
export function intakeAddresses(to: string | undefined, env: NodeJS.ProcessEnv): string[] {
  const configured = [...(env.INTAKE_ADDRESSES ?? '').split(','), env.SENDER_ADDRESS ?? ''];
  return [...new Set([to ?? '', ...configured].map((address) => address.trim().toLowerCase()).filter(Boolean))];
}

const VERDICT_KEYS = ['spam', 'virus', 'spf', 'dkim', 'dmarc'] as const;
const VERDICT_VALUES = ['PASS', 'FAIL', 'GRAY', 'PROCESSING_FAILED', 'DISABLED'] as const;

/** "spam=PASS,virus=FAIL,dmarc=FAIL,dmarcPolicy=reject": unnamed verdicts stay PASS, and no policy unless named. */
export function parseVerdicts(text: string): Verdicts {
  const verdicts: Record<(typeof VERDICT_KEYS)[number], VerdictStatus> = { spam: 'PASS', virus: 'PASS', spf: 'PASS', dkim: 'PASS', dmarc: 'PASS' };
  let dmarcPolicy: DmarcPolicy | undefined;
  for (const pair of text.split(',').filter(Boolean)) {
    const parts = pair.split('=').map((part) => part.trim());
    const [key = '', value = ''] = parts;
    const name = VERDICT_KEYS.find((known) => known === key.toLowerCase());
    const status = VERDICT_VALUES.find((known) => known === value.toUpperCase());
    const policy = key.toLowerCase() === 'dmarcpolicy' ? DMARC_POLICIES.find((known) => known === value.toLowerCase()) : undefined;
    if (parts.length === 2 && policy) {
      dmarcPolicy = policy;
      continue;
    }
    if (parts.length !== 2 || !name || !status) {
      throw new UsageError(`bad verdict "${pair}": expected one of ${VERDICT_KEYS.join('|')}=${VERDICT_VALUES.join('|')}, or dmarcPolicy=${DMARC_POLICIES.join('|')}`);
    }
    verdicts[name] = status;
  }
  return dmarcPolicy ? { ...verdicts, dmarcPolicy } : verdicts;
}

function headerValue(raw: Buffer, name: string): string | undefined {
  const head = raw.subarray(0, 64 * 1024).toString('latin1');
  const block = head.slice(0, Math.max(0, head.search(/\r?\n\r?\n/))).replace(/\r?\n[ \t]+/g, ' ');
  return new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(block)?.[1]?.trim();
}

/** Return-Path records the envelope sender; "<>" is the null sender of bounces. */
function returnPath(raw: Buffer): string {
  const value = headerValue(raw, 'Return-Path');
  if (value === undefined) return 'unknown@invalid';
  return value.replace(/[<>]/g, '').trim();
}

function recipientsFromHeaders(raw: Buffer): string[] {
  const to = headerValue(raw, 'To') ?? '';
  return [...to.matchAll(/[^\s<>,;"]+@[^\s<>,;"]+/g)].map((match) => match[0]);
}
