import { fileURLToPath } from 'node:url';

/** Scenarios run from the project root, where `npm run bench` runs. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The AWS SDK's notice that future releases will need Node 22: noise in benchmark output. */
export const QUIET_SDK_ENVIRONMENT = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } as const;
