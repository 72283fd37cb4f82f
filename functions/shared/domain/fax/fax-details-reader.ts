import { normalizePhoneNumber } from '../phone-number.ts';
import { senderText } from '../sender-text.ts';
import type { FaxDetails } from './fax-details.ts';
import type { FaxGateway } from './fax-gateway.ts';

/** Lines most gateways write in their body, whatever their format. */
const COMMON_BODY_FIELDS: readonly RegExp[] = [
  /^[ \t]*(?:Pages|Total pages|Nombre de pages)[ \t]*:[ \t]*(?<pages>\d{1,4})\b/im,
  /^[ \t]*(?:Caller[- ]?ID(?: Number)?|CallID1|Caller Number|Numéro de l'appelant)[ \t]*:[ \t]*(?<caller>.+)$/im,
  /^[ \t]*(?:Remote Station ID|Remote ID|Station ID|TSI|CSID)[ \t]*:[ \t]*(?<station>.+)$/im,
];

/** What gateways write when the caller withheld or the network did not pass the number. */
const NO_NUMBER = /^(?:unavailable|unknown|anonymous|private|restricted|withheld|out of area|inconnu|masqué|anonyme)$/i;
/** Fewer digits than this is an extension or noise, not a number someone could be called back on. */
const MIN_CALLER_DIGITS = 3;
/** A TSI is at most 20 characters (ITU-T T.30); longer text is not one. */
const MAX_STATION_ID_CHARS = 20;

type DetailName = 'caller' | 'station' | 'pages';

function captured(patterns: readonly RegExp[], texts: readonly string[], name: DetailName): string | undefined {
  for (const pattern of patterns) {
    for (const text of texts) {
      const written = pattern.exec(text)?.groups?.[name];
      // What the gateway passes on was written by whoever owns the sending machine.
      const value = written === undefined ? '' : senderText(written, 'faxField');
      if (value) return value;
    }
  }
  return undefined;
}

/** `"Name" <0142680690>` holds the number between angle brackets. */
function callerNumber(written: string | undefined, callingCode: string | undefined): string | undefined {
  if (written === undefined) return undefined;
  const number = (/<([^<>]*)>/.exec(written)?.[1] ?? written).replace(/^"|"$/g, '').trim();
  if (NO_NUMBER.test(number)) return undefined;
  const e164 = normalizePhoneNumber(number, callingCode);
  if (e164) return e164;
  return /^\+?[\d\s\-./()]+$/.test(number) && number.replace(/\D/g, '').length >= MIN_CALLER_DIGITS ? number : undefined;
}

function stationId(written: string | undefined): string | undefined {
  const station = written?.replace(/^"|"$/g, '').trim();
  if (!station || NO_NUMBER.test(station) || station.length > MAX_STATION_ID_CHARS) return undefined;
  return station;
}

function pageCount(written: string | undefined): number | undefined {
  const pages = written === undefined ? Number.NaN : Number.parseInt(written, 10);
  return pages > 0 ? pages : undefined;
}

/**
 * The caller's number, the remote station id and the page count, from the subject and body of a
 * fax message: the gateway's own patterns first, then the lines most gateways write.
 */
export function readFaxDetails(subject: string, body: string, gateway: FaxGateway | undefined): FaxDetails {
  const gatewayFields = gateway ? [gateway.subject, ...(gateway.body ?? [])] : [];
  const patterns = [...gatewayFields, ...COMMON_BODY_FIELDS];
  const texts = [subject, body];
  const details: FaxDetails = {
    gateway: gateway?.name,
    callerNumber: callerNumber(captured(patterns, texts, 'caller'), gateway?.callingCode),
    remoteStationId: stationId(captured(patterns, texts, 'station')),
    pages: pageCount(captured(patterns, texts, 'pages')),
  };
  return Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined)) as FaxDetails;
}
