/**
 * semver in its place in the functions' bundles (lib/constructs/project-function.ts):
 * aws-xray-sdk-core, under the Powertools Tracer, loads all of semver (30 KB, some 40 patterns
 * built when it loads) for one check, in captureAWS, of the version of an AWS SDK v2. The
 * functions use the AWS SDK v3 and trace its clients with captureAWSv3Client: asked, it fails.
 */
export function gte(): never {
  throw new Error('semver is not bundled: aws-xray-sdk-core needs it for captureAWS (AWS SDK v2), which the functions never call');
}
