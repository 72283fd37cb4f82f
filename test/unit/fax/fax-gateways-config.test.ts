import { describe, expect, it } from 'vitest';
import { ConfigurationError, parseIntakeConfig } from '../../../functions/shared/config.ts';
import { BASE_ENVIRONMENT } from '../../support/intake-environment.ts';

describe('fax and OCR configuration', () => {
  it('defaults to no configured gateway, tesseract and 20 seconds of OCR a claim', () => {
    const config = parseIntakeConfig(BASE_ENVIRONMENT);
    expect({ gateways: config.FAX_GATEWAYS, engine: config.OCR_ENGINE, seconds: config.OCR_TIME_LIMIT_SECONDS }).toEqual({
      gateways: [],
      engine: 'tesseract',
      seconds: 20,
    });
  });

  it('reads FAX_GATEWAYS as a JSON list, senders lower-cased', () => {
    const config = parseIntakeConfig({
      ...BASE_ENVIRONMENT,
      FAX_GATEWAYS: '[{"name":"Acme Fax","sender":"Relay@Acme-Fax.example.com","subjectPattern":"^Fax from (?<caller>.+)$","callingCode":"33"}]',
      OCR_ENGINE: 'textract',
      OCR_TIME_LIMIT_SECONDS: '45',
    });
    expect(config.FAX_GATEWAYS).toEqual([
      { name: 'Acme Fax', sender: 'relay@acme-fax.example.com', subjectPattern: '^Fax from (?<caller>.+)$', callingCode: '33' },
    ]);
    expect([config.OCR_ENGINE, config.OCR_TIME_LIMIT_SECONDS]).toEqual(['textract', 45]);
  });

  it.each([
    ['not JSON', 'FAX_GATEWAYS: must be JSON'],
    ['[{"name":"Acme","sender":"acme","subjectPattern":"x"}]', 'FAX_GATEWAYS.0.sender: must be an address or a domain'],
    ['[{"name":"Acme","sender":"acme.example.com","subjectPattern":"(unclosed"}]', 'FAX_GATEWAYS.0.subjectPattern: must be a regular expression'],
    ['[{"name":"Acme","sender":"acme.example.com","subjectPattern":"x","callingCode":"+33"}]', 'FAX_GATEWAYS.0.callingCode: must be a country calling code such as 33'],
  ])('refuses FAX_GATEWAYS=%s at load', (value, problem) => {
    expect(() => parseIntakeConfig({ ...BASE_ENVIRONMENT, FAX_GATEWAYS: value })).toThrow(new ConfigurationError(`Invalid intake configuration: ${problem}`));
  });

  it('refuses an OCR engine it does not have', () => {
    expect(() => parseIntakeConfig({ ...BASE_ENVIRONMENT, OCR_ENGINE: 'gpt' })).toThrow(ConfigurationError);
  });
});
