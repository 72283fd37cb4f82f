import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Duration, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, type ICommandHooks, NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Namespace every function publishes its Powertools metrics to. */
export const METRICS_NAMESPACE = 'ClaimsIntake';

/**
 * Lets the CommonJS dependencies bundled into the ES module output (mailparser, the AWS SDK's
 * helpers) `require` Node's built-in modules.
 */
const REQUIRE_SHIM = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/**
 * mailparser's MIME helper, libmime, decodes legacy charsets with iconv-lite and encoding-japanese,
 * whose tables (about 600 KB) every cold start would load: the runtime's TextDecoder decodes most
 * of the same charsets, and the real iconv-lite, installed beside the intake's bundle, is loaded
 * for the others by the first message written in one (functions/shared/charsets). libmime comes
 * as an ES build, which mailparser imports, and a CommonJS one, which mailsplit requires: both get
 * the CommonJS build, whose export is the same object imported or required (the ES build's
 * namespace, as `require` gives it, lacks the `detectMimeType` mailsplit calls), and libmime is
 * bundled once.
 */
const CHARSET_ALIASES = {
  '--alias:iconv-lite': join(PROJECT_ROOT, 'functions/shared/charsets/iconv-lite-stand-in.ts'),
  '--alias:encoding-japanese': join(PROJECT_ROOT, 'functions/shared/charsets/encoding-japanese-stand-in.ts'),
  '--alias:libmime': createRequire(import.meta.url).resolve('libmime'),
};

/**
 * Packages every cold start compiled and set up for what the functions do rarely or never, in the
 * place of what they use (functions/shared/stand-ins, which says what each one gives up).
 * mailparser builds textAsHtml with he's named references and linkify-it (set up with the list of
 * top-level domains when it loads): the functions parse with skipTextToHtml, and the bundled
 * mailparser refuses to build it. It converts HTML to text with html-to-text only for a message
 * with no text of its own: the functions parse with skipHtmlToText (HTML is read in the decoder
 * process), and the bundled mailparser refuses to convert. aws-xray-sdk-core, under the Powertools Tracer, takes all of
 * semver for one version check of the AWS SDK v2. Every AWS SDK client imports the whole default
 * credential chain, of which a function uses the first link: the credentials Lambda puts in its
 * environment.
 */
const STAND_IN_ALIASES = {
  '--alias:he': join(PROJECT_ROOT, 'functions/shared/stand-ins/he-stand-in.ts'),
  '--alias:linkify-it': join(PROJECT_ROOT, 'functions/shared/stand-ins/linkify-it-stand-in.ts'),
  '--alias:tlds': join(PROJECT_ROOT, 'functions/shared/stand-ins/tlds-stand-in.ts'),
  '--alias:html-to-text': join(PROJECT_ROOT, 'functions/shared/stand-ins/html-to-text-stand-in.ts'),
  '--alias:semver': join(PROJECT_ROOT, 'functions/shared/stand-ins/semver-stand-in.ts'),
  '--alias:@aws-sdk/credential-provider-node': join(PROJECT_ROOT, 'functions/shared/stand-ins/credential-provider-node-stand-in.ts'),
};

/** esbuild's command: its native binary, or the script standing for it where install scripts did not run. */
export const ESBUILD_COMMAND = createRequire(import.meta.url).resolve('esbuild/bin/esbuild');

/**
 * The esbuild command line of a worker thread's bundle, written beside the handler's: the
 * handler's format, target, minification and source map, the installed packages left outside.
 * NodejsFunction bundles one entry; a worker is a second one, built once the handler is.
 */
export function workerBundlingArguments(entry: string, outfile: string, installed: readonly string[]): string[] {
  return [
    entry,
    '--bundle',
    '--platform=node',
    '--format=esm',
    '--target=node22',
    '--minify',
    '--sourcemap',
    '--sources-content=false',
    ...installed.map((module) => `--external:${module}`),
    `--outfile=${outfile}`,
  ];
}

const shellQuoted = (argument: string) => `'${argument.replace(/'/g, "'\\''")}'`;

function workerBundlingHooks(workers: Readonly<Record<string, string>>, installed: readonly string[]): ICommandHooks {
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (_inputDir, outputDir) =>
      Object.entries(workers).map(([file, entry]) =>
        [ESBUILD_COMMAND, ...workerBundlingArguments(entry, join(outputDir, file), installed)].map(shellQuoted).join(' '),
      ),
  };
}

/** Why each function's role carries its permissions inline. */
export const INLINE_POLICY_REASON =
  'The policy is written for this one role and must not be attached elsewhere: an inline policy keeps that one-to-one, a managed policy would be a reusable grant.';

export interface ProjectFunctionProps {
  /** Path, from the project root, of the TypeScript module exporting `handler`. */
  readonly entry: string;
  readonly description: string;
  /** Powertools service name: the `service` of every log line and metric. */
  readonly serviceName: string;
  readonly timeout: Duration;
  /** Key the log group is encrypted with. */
  readonly logEncryptionKey: IKey;
  readonly logRetention: RetentionDays;
  /**
   * Memory in MB; CPU is allocated in proportion.
   * @default 256
   */
  readonly memorySize?: number;
  /**
   * Variables the handler reads, in addition to the Powertools ones.
   * @default - none
   */
  readonly environment?: Readonly<Record<string, string>>;
  /**
   * Powertools log level.
   * @default 'INFO'
   */
  readonly logLevel?: string;
  /**
   * Packages installed into the function's node_modules instead of bundled: native binaries and
   * packages that load files of their own at run time. Installed by npm for Linux on ARM64.
   * @default - everything is bundled
   */
  readonly nodeModules?: readonly string[];
  /**
   * Worker threads the function starts, bundled beside its handler: the file name the handler
   * starts each from, and the path of its TypeScript module from the project root.
   * @default - none
   */
  readonly workers?: Readonly<Record<string, string>>;
  /**
   * Concurrency reserved for (and capping) the function.
   * @default - no reservation: the function draws on the account's unreserved concurrency
   */
  readonly reservedConcurrentExecutions?: number;
}

/**
 * A Lambda function with the project's defaults: TypeScript bundled by the local esbuild (no
 * Docker) into a minified ES module with a source map Node applies to stack traces, Node.js 22 on
 * ARM64, X-Ray tracing, Powertools configuration, and its own role and KMS-encrypted log group so
 * that the role holds nothing but what is granted to it.
 */
export class ProjectFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;
  readonly timeout: Duration;
  /** Absolute path of the handler module. */
  readonly entry: string;
  /** Powertools service name: a dimension of every metric the function publishes. */
  readonly serviceName: string;
  /** How the handler is bundled; `npm run bench` bundles it the same way to measure a cold start. */
  readonly bundling: BundlingOptions;
  /** Worker threads bundled beside the handler: file name in the asset → absolute path of the module. */
  readonly workers: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: ProjectFunctionProps) {
    super(scope, id);
    this.timeout = props.timeout;
    this.entry = join(PROJECT_ROOT, props.entry);
    this.serviceName = props.serviceName;
    this.workers = Object.fromEntries(Object.entries(props.workers ?? {}).map(([file, entry]) => [file, join(PROJECT_ROOT, entry)]));
    this.bundling = {
      forceDockerBundling: false,
      format: OutputFormat.ESM,
      mainFields: ['module', 'main'],
      banner: REQUIRE_SHIM,
      esbuildArgs: { ...CHARSET_ALIASES, ...STAND_IN_ALIASES },
      target: 'node22',
      minify: true,
      // A separate .map file, referenced from the bundle so that Node finds it.
      sourceMap: true,
      sourceMapMode: SourceMapMode.DEFAULT,
      sourcesContent: false,
      // Ship the SDK versions the code was tested with, not the runtime's.
      bundleAwsSDK: true,
      nodeModules: props.nodeModules && [...props.nodeModules],
      // npm picks the optional native packages (sharp's) for the function's platform, not the build machine's.
      environment: { npm_config_os: 'linux', npm_config_cpu: 'arm64', npm_config_libc: 'glibc' },
      ...(Object.keys(this.workers).length > 0 ? { commandHooks: workerBundlingHooks(this.workers, props.nodeModules ?? []) } : {}),
    };

    this.logGroup = new LogGroup(this, 'Logs', {
      encryptionKey: props.logEncryptionKey,
      retention: props.logRetention,
    });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${props.description}`,
    });
    this.logGroup.grantWrite(this.role);

    this.function = new NodejsFunction(this, 'Function', {
      entry: this.entry,
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 256,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      tracing: Tracing.ACTIVE,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      environment: {
        ...props.environment,
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        POWERTOOLS_LOG_LEVEL: props.logLevel ?? 'INFO',
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: this.bundling,
    });

    Validations.of(this).acknowledge(
      {
        id: 'HIPAA.Security-LambdaInsideVPC',
        reason: 'The function only calls AWS service APIs (TLS, IAM-authorised) and reaches no VPC resource.',
      },
      {
        id: 'AwsSolutions-L1',
        reason: 'nodejs22.x is the newest runtime within one major version of the Node 20 toolchain the code is built and tested with.',
      },
      {
        id: 'Serverless-LambdaLatestVersion',
        reason: 'nodejs22.x is the newest runtime within one major version of the Node 20 toolchain the code is built and tested with.',
      },
    );
    Validations.of(this.role).acknowledge(
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions.',
      },
      { id: 'HIPAA.Security-IAMNoInlinePolicy', reason: INLINE_POLICY_REASON },
    );
  }
}
