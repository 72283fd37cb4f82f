/** The intake's environment with only what the stack always sets: every other variable at its default. */
export const BASE_ENVIRONMENT = {
  CLAIMS_BUCKET: 'claims-intake-documents',
  MEMBERS_TABLE: 'claims-intake-members',
  CLAIMS_TABLE: 'claims-intake-claims',
  SENDER_ADDRESS: 'claims@claims.example.org',
  INTAKE_ADDRESSES: 'claims@claims.example.org,fax@claims.example.org',
};
