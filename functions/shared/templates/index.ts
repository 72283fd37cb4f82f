export type { AdministratorOverrides } from '../domain/administrators.ts';
export type { ClaimSummary, DocumentSummary, FaxDetails } from './claim-summary.ts';
export { composeForward, type ForwardRequest } from './compose-forward.ts';
export { buildFhirClaim } from './fhir-claim.ts';
export {
  composeMemberReply,
  type MemberReplyKind,
  type MemberReplyRequest,
  type ReplyLanguage,
} from './compose-member-reply.ts';
export type { MissingInformation } from './messages.ts';
export type { OutgoingAttachment, OutgoingMessage } from './outgoing-message.ts';
