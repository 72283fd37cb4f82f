import type { LocationEvidence } from '../types.ts';

/** What a detector finds in one text; the collector adds which source it came from. */
export type Finding = Omit<LocationEvidence, 'source'>;

/** Reads one normalised text for one family of clues about where treatment happened. */
export type Detector = (text: string) => Finding[];

export type Strength = LocationEvidence['strength'];

/** Order of the strengths, for comparing evidence. */
export const STRENGTH_RANK: Readonly<Record<Strength, number>> = { weak: 1, medium: 2, strong: 3 };
