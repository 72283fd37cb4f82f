import { InMemoryMemberDirectory } from '../../functions/shared/adapters/in-memory-member-directory.ts';
import { createAwsClients } from '../../functions/shared/clients.ts';
import { parseIntakeConfig } from '../../functions/shared/config.ts';
import { createIntakeDependencies, type IntakeDependencies } from '../../functions/shared/pipeline/process-message.ts';
import { SAMPLE_MEMBERS } from '../../test/support/contexts.ts';
import { InMemoryClaimRepository } from '../../test/support/in-memory-claim-repository.ts';
import { OFFLINE_FUNCTION_ENVIRONMENT } from '../lib/offline-environment.ts';
import { ComposingMailer } from './composing-mailer.ts';
import { RawMessageStore } from './raw-message-store.ts';

export interface InMemoryIntake {
  readonly dependencies: IntakeDependencies;
  readonly store: RawMessageStore;
  readonly mailer: ComposingMailer;
}

/**
 * The deployed function's dependencies (settings and administrators derived from its environment
 * the same way) with every AWS service held in memory, so what is measured is the code's own time.
 * Each call gives empty stores: a claim processed again is new, never a duplicate.
 */
export function inMemoryIntakeFactory(): () => InMemoryIntake {
  const config = parseIntakeConfig(OFFLINE_FUNCTION_ENVIRONMENT);
  // The AWS clients are created but never called: every one of them is replaced below.
  const deployed = createIntakeDependencies(config, createAwsClients(config));
  const directory = new InMemoryMemberDirectory(SAMPLE_MEMBERS);
  return () => {
    const store = new RawMessageStore();
    const mailer = new ComposingMailer(config.SENDER_ADDRESS);
    return { dependencies: { ...deployed, directory, claims: new InMemoryClaimRepository(), store, mailer }, store, mailer };
  };
}
