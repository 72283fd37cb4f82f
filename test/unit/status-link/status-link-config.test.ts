import { describe, expect, it } from 'vitest';
import { ConfigurationError, parseIntakeConfig, parseStatusPageConfig } from '../../../functions/shared/config.ts';

const INTAKE_ENVIRONMENT = {
  CLAIMS_BUCKET: 'claims-bucket',
  MEMBERS_TABLE: 'members',
  CLAIMS_TABLE: 'claims',
  SENDER_ADDRESS: 'claims@claims.example.org',
  INTAKE_ADDRESSES: 'claims@claims.example.org,fax@claims.example.org',
};
const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:StatusLinkSecret-a1b2c3';
const PAGE_URL = 'https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.eu-west-1.on.aws/';

describe('status link configuration', () => {
  it('has no status page by default: the replies then carry no link', () => {
    const config = parseIntakeConfig(INTAKE_ENVIRONMENT);
    expect([config.STATUS_PAGE_URL, config.STATUS_LINK_SECRET_ARN, config.STATUS_LINK_VALIDITY_DAYS]).toEqual([undefined, undefined, 365]);
  });

  it('reads the page, the secret and the validity set by the stack', () => {
    expect(
      parseIntakeConfig({ ...INTAKE_ENVIRONMENT, STATUS_PAGE_URL: PAGE_URL, STATUS_LINK_SECRET_ARN: SECRET_ARN, STATUS_LINK_VALIDITY_DAYS: '400' }),
    ).toMatchObject({ STATUS_PAGE_URL: PAGE_URL, STATUS_LINK_SECRET_ARN: SECRET_ARN, STATUS_LINK_VALIDITY_DAYS: 400 });
  });

  it.each([
    [{ STATUS_PAGE_URL: PAGE_URL }, 'STATUS_LINK_SECRET_ARN: is required when STATUS_PAGE_URL is set'],
    [{ STATUS_PAGE_URL: 'status page', STATUS_LINK_SECRET_ARN: SECRET_ARN }, 'STATUS_PAGE_URL: Invalid URL'],
    [{ STATUS_LINK_VALIDITY_DAYS: '0' }, 'STATUS_LINK_VALIDITY_DAYS: Too small'],
  ])('stops the intake on %j', (environment, problem) => {
    expect(() => parseIntakeConfig({ ...INTAKE_ENVIRONMENT, ...environment })).toThrow(ConfigurationError);
    expect(() => parseIntakeConfig({ ...INTAKE_ENVIRONMENT, ...environment })).toThrow(problem);
  });

  it('gives the status page its table, its secret and the portals it names', () => {
    expect(parseStatusPageConfig({ CLAIMS_TABLE: 'claims', STATUS_LINK_SECRET_ARN: SECRET_ARN, MAI_TRACKING_URL: 'https://mai.example.net/' })).toEqual({
      CLAIMS_TABLE: 'claims',
      STATUS_LINK_SECRET_ARN: SECRET_ARN,
      MAI_TRACKING_URL: 'https://mai.example.net/',
    });
    expect(() => parseStatusPageConfig({ CLAIMS_TABLE: 'claims' })).toThrow('Invalid status page configuration: STATUS_LINK_SECRET_ARN:');
  });
});
