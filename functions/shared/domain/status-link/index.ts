export { referenceFromPath, StatusLinkIssuer, StatusLinkVerifier, TOKEN_PARAMETER } from './links.ts';
export type { SigningKeys, SigningKeySource } from './signing-keys.ts';
export { signStatusToken, verifyStatusToken, type TokenVerdict } from './token.ts';
