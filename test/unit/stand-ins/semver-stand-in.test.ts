import { describe, expect, it } from 'vitest';
import { gte } from '../../../functions/shared/stand-ins/semver-stand-in.ts';

describe('semver stand-in', () => {
  it('refuses the one check it stands for, saying what would need semver', () => {
    expect(() => gte()).toThrow('semver is not bundled: aws-xray-sdk-core needs it for captureAWS (AWS SDK v2), which the functions never call');
  });
});
