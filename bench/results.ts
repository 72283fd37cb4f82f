/** bench/results.json: the same shape at every run, so runs can be compared over time. */
export interface BenchResults {
  readonly machine: MachineInfo;
  readonly pipeline: readonly PipelineResult[];
  readonly coldStart: readonly ColdStartResult[];
  readonly e2e: readonly EndToEndResult[];
  readonly ocr?: OcrResult;
  /** The hostile document that took longest, run as the function runs it, with the highest memory of the corpus run. */
  readonly worstCase?: WorstCaseResult;
}

export interface WorstCaseResult {
  /** File name in test/fixtures/hostile/. */
  readonly name: string;
  readonly seconds: number;
  /** The intake's process and its decoder process, their peaks added: the highest any hostile document reached. */
  readonly peakRssMb: number;
}

export interface MachineInfo {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGb: number;
  readonly node: string;
  readonly platform: string;
  /** One-minute load average when the run started: the machine is shared. */
  readonly loadAverage: number;
  /** ISO 8601. */
  readonly date: string;
}

export interface PipelineResult {
  readonly name: string;
  /** Size of the raw message. */
  readonly bytes: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly mailparserMedianMs: number;
  /** mailparser and pdf.js's text of the pages the intake reads, in the same process on the same bytes. */
  readonly floorMedianMs: number;
  /** medianMs / floorMedianMs. */
  readonly ratio: number;
  /** Memory figures are in MiB, as Lambda's memory setting counts them. */
  readonly peakRssMb: number;
  readonly peakHeapMb: number;
}

export interface ColdStartResult {
  readonly function: string;
  /** The bundled module, source map excluded. */
  readonly bundleBytes: number;
  readonly importMedianMs: number;
  /** The floor: what the function's own code uses from outside the project, bundled the same way and imported alone. */
  readonly librariesBundleBytes: number;
  readonly librariesImportMedianMs: number;
}

export interface EndToEndResult {
  readonly concurrency: number;
  readonly claims: number;
  readonly claimsPerSec: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
}

export interface OcrResult {
  readonly msPerPageFine: number;
  readonly msPerPageStandard: number;
  readonly peakRssMb: number;
}

/** The pipeline's steps, in the order it runs them. */
export const PIPELINE_STEPS = ['parse', 'screen', 'read documents', 'read scans', 'identify', 'locate', 'read invoices', 'record', 'forward', 'acknowledge'] as const;
export type PipelineStep = (typeof PIPELINE_STEPS)[number];
export type StepTimes = Readonly<Record<PipelineStep, number>>;

/**
 * What the pipeline scenario measures for one message: the result, and what the report shows
 * beside it without keeping it in results.json.
 */
export interface PipelineMeasurement extends PipelineResult {
  readonly runs: number;
  readonly base64MedianMs: number;
  /** RSS of the process once warmed up, before it read the message. */
  readonly baselineRssMb: number;
  readonly documents: number;
  /** Documents whose text was read; the others were over a read limit. */
  readonly documentsRead: number;
  /** Median milliseconds of each step, from runs of the steps timed one by one. */
  readonly stepMedianMs: StepTimes;
  /** Pages of the documents read as invoices, receipts or statements. */
  readonly invoicePages: number;
  /** The 'read invoices' step's median over those pages; null when no document read as one. */
  readonly invoiceMsPerPage: number | null;
}

/** How a module that only some claims need is loaded by a function's bundle. */
export type ModuleLoading = 'at start' | 'on first use' | 'not in the bundle';

export interface HeavyModule {
  readonly module: string;
  readonly loading: ModuleLoading;
  /** Bytes of the module's code inside the bundle; 0 when it is installed beside it. */
  readonly bundledBytes: number;
}

/** What the cold-start scenario measures for one function, beyond its result. */
export interface ColdStartMeasurement extends ColdStartResult {
  readonly heavyModules: readonly HeavyModule[];
  /** The packages that weigh most in the bundle, largest first. */
  readonly largestPackages: readonly { readonly name: string; readonly bytes: number }[];
}

/** The figures of a pipeline measurement that results.json keeps. */
export function pipelineResult(measurement: PipelineMeasurement): PipelineResult {
  const { name, bytes, medianMs, p95Ms, mailparserMedianMs, floorMedianMs, ratio, peakRssMb, peakHeapMb } = measurement;
  return { name, bytes, medianMs, p95Ms, mailparserMedianMs, floorMedianMs, ratio, peakRssMb, peakHeapMb };
}

/** The figures of a cold-start measurement that results.json keeps. */
export function coldStartResult(measurement: ColdStartMeasurement): ColdStartResult {
  const { function: name, bundleBytes, importMedianMs, librariesBundleBytes, librariesImportMedianMs } = measurement;
  return { function: name, bundleBytes, importMedianMs, librariesBundleBytes, librariesImportMedianMs };
}
