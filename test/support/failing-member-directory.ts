/**
 * Loaded with `node --import` before the triage command: every member lookup fails as a bug
 * would, so the command's answer to an internal error can be seen from outside.
 */
import { InMemoryMemberDirectory } from '../../functions/shared/adapters/in-memory-member-directory.ts';

export const INTERNAL_FAILURE = 'member lookup failed\nsecond line never shown';

InMemoryMemberDirectory.prototype.findById = () => Promise.reject(new TypeError(INTERNAL_FAILURE));
InMemoryMemberDirectory.prototype.findByEmail = () => Promise.reject(new TypeError(INTERNAL_FAILURE));
