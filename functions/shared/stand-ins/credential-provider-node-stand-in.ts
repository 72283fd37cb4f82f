/**
 * The AWS SDK's default credential chain in its place in the functions' bundles
 * (lib/constructs/project-function.ts). Every client's runtime configuration imports the whole
 * chain: SSO, shared profiles, credential processes, web identity, container and instance
 * metadata, with the STS and SSO clients some of them call (100 KB) compiled at every cold start.
 * Lambda hands a function its role's credentials in the environment, the chain's first link and
 * the only one that applies in a function; the others are left out.
 */
/** The chain, as a client calls it with its logger: the credentials of the function's role, read from the environment. */
export { fromEnv as defaultProvider } from '@aws-sdk/credential-provider-env';
