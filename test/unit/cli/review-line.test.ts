import { describe, expect, it } from 'vitest';
import { reviewLine } from '../../../bin/cli/review-command.ts';
import { claimRecord, REFERENCE } from '../../support/claim-records.ts';

describe('review list lines', () => {
  it("print a claim's reasons as they show, even those recorded with a sender's raw file name", () => {
    const claim = claimRecord({
      status: 'REVIEW',
      channel: 'fax',
      memberId: undefined,
      reasons: ['\u202eFDP.EXE\u0000\u001b[31m.pdf is damaged: not a TIFF', 'a fax from nobody known\r\nREVIEW  forged line'],
    });
    expect(reviewLine(claim)).toBe(
      `${REFERENCE}  2026-03-15 13:30  fax    -             FDP.EXE.pdf is damaged: not a TIFF; a fax from nobody known REVIEW  forged line`,
    );
  });
});
