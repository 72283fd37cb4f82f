import { fromDomain, type FaxGateway } from './fax-gateway.ts';

/** Hosted services in the United States write their callers' numbers without the country code. */
const NORTH_AMERICAN_CALLING_CODE = '1';
/** Self-hosted gateways send from their owner's own domain: their format tells them, not their sender. */
const anySender = () => true;

/** "0123456789" or "unknown", then "- 2 page(s)" and ", Caller-ID: 1-212-555-0100" (j2 Global's services). */
const J2_DETAILS = String.raw`"?(?<station>[^"]*?)"?(?: - (?<pages>\d{1,4}) pages?(?:\(s\))?)?(?:, Caller-ID: (?<caller>.+))?`;

export const EFAX: FaxGateway = {
  name: 'eFax',
  isSender: fromDomain('efax.com'),
  subject: new RegExp(String.raw`^eFax message from ${J2_DETAILS}$`, 'i'),
  callingCode: NORTH_AMERICAN_CALLING_CODE,
};

export const METROFAX: FaxGateway = {
  name: 'MetroFax',
  isSender: fromDomain('metrofax.com'),
  subject: new RegExp(String.raw`^MetroFax message from ${J2_DETAILS}$`, 'i'),
  callingCode: NORTH_AMERICAN_CALLING_CODE,
};

export const RINGCENTRAL: FaxGateway = {
  name: 'RingCentral',
  isSender: fromDomain('ringcentral.com'),
  // "New Fax Message from (469) 543-6401 on 07/01/2026 6:03 PM"
  subject: /^New Fax Message(?: from (?<caller>.+?))? on \d{1,2}\/\d{1,2}\/\d{2,4}\b/i,
  callingCode: NORTH_AMERICAN_CALLING_CODE,
};

export const HYLAFAX: FaxGateway = {
  name: 'HylaFAX',
  // "HylaFAX Agent", "The HylaFAX Receive Agent": faxrcvd's sender, whatever its address.
  isSender: ({ name }) => /hylafax/i.test(name),
  subject: /^(?:(?:Facsimile|Fax) received from|(?:Facsimile|Fax|Télécopie) reçue? de)\s*"?(?<station>.*?)"?\s*$/i,
  // faxinfo's lines: "Sender: <TSI>", "Pages: 2", "CallID1: <number>".
  body: [/^[ \t]*Sender:[ \t]*(?<station>.+)$/im, /^[ \t]*CallID1:[ \t]*(?<caller>.+)$/im],
};

export const FREEPBX: FaxGateway = {
  name: 'FreePBX',
  isSender: anySender,
  // "New fax from: "Jean Dupont" <0142680690>"
  subject: /^New fax from: (?<caller>.+)$/i,
  bodyMarker: /Enclosed, please find a new fax/i,
};

export const KAZOO: FaxGateway = {
  name: 'Kazoo',
  isSender: anySender,
  // "New fax from Jean Dupont (+33142680690)"
  subject: /^New fax from .*\((?<caller>[^()]*)\)$/i,
  bodyMarker: /New Fax \(\d+ Pages?\)/i,
  body: [/New Fax \((?<pages>\d{1,4}) Pages?\)/i],
};

export const FUSIONPBX: FaxGateway = {
  name: 'FusionPBX',
  isSender: anySender,
  // "Fax Received: <file name>"; a relayed fax ("Fax Received for Relay") is an outgoing one.
  subject: /^Fax Received: (?<file>.+)$/i,
};

/** Gateways recognised without configuration, the specific ones before the self-hosted ones. */
export const BUILT_IN_FAX_GATEWAYS: readonly FaxGateway[] = [EFAX, METROFAX, RINGCENTRAL, HYLAFAX, FREEPBX, KAZOO, FUSIONPBX];
