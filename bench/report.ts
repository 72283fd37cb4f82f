import {
  BUNDLE_BUDGET_BYTES,
  MEMORY_BUDGET_FACTOR,
  OWN_CODE_IMPORT_BUDGET_MS,
  MEMORY_BUDGET_FROM_BYTES,
  PIPELINE_RATIO_BUDGET,
  PIPELINE_RATIO_FROM_BYTES,
  verdict,
  WORST_CASE_RSS_BUDGET_MB,
  WORST_CASE_SECONDS_BUDGET,
  type Verdict,
} from './budgets.ts';
import { markdownTable } from './lib/markdown-table.ts';
import { MEBIBYTE, MEGABYTE, round } from './lib/stats.ts';
import { PIPELINE_STEPS, type ColdStartMeasurement, type EndToEndResult, type MachineInfo, type OcrResult, type PipelineMeasurement, type WorstCaseResult } from './results.ts';

export interface BenchReport {
  readonly machine: MachineInfo;
  readonly pipeline: readonly PipelineMeasurement[];
  readonly coldStart: readonly ColdStartMeasurement[];
  readonly e2e: readonly EndToEndResult[];
  readonly ocr?: OcrResult;
  readonly worstCase?: WorstCaseResult;
}

const megabytes = (bytes: number, digits = 1) => round(bytes / MEGABYTE, digits);
const kilobytes = (bytes: number) => Math.round(bytes / 1000);

/** Memory the claim added to the warmed-up process, in MiB, and as a multiple of the message. */
function claimMemory(row: PipelineMeasurement) {
  const claimRssMb = round(row.peakRssMb - row.baselineRssMb);
  return { claimRssMb, timesMessage: round((claimRssMb * MEBIBYTE) / row.bytes) };
}

const ratioVerdict = (row: PipelineMeasurement) => verdict(row.ratio, PIPELINE_RATIO_BUDGET, row.bytes >= PIPELINE_RATIO_FROM_BYTES);
const memoryVerdict = (row: PipelineMeasurement) => verdict(claimMemory(row).timesMessage, MEMORY_BUDGET_FACTOR, row.bytes >= MEMORY_BUDGET_FROM_BYTES);
const bundleVerdict = (row: ColdStartMeasurement) => verdict(row.bundleBytes, BUNDLE_BUDGET_BYTES);
const ownCodeMs = (row: ColdStartMeasurement) => round(row.importMedianMs - row.librariesImportMedianMs);
const importVerdict = (row: ColdStartMeasurement) => verdict(ownCodeMs(row), OWN_CODE_IMPORT_BUDGET_MS);
const loadedAtStart = (row: ColdStartMeasurement) => row.heavyModules.filter((heavy) => heavy.loading === 'at start').map((heavy) => heavy.module);

function pipelineTable(rows: readonly PipelineMeasurement[]): string {
  return markdownTable(
    ['message', 'MB', 'docs read', 'runs', 'median ms', 'p95 ms', 'mailparser ms', 'floor ms', 'base64 ms', 'ratio', `≤ ${PIPELINE_RATIO_BUDGET}x`, 'peak RSS MiB', 'claim RSS MiB', 'x message', `≤ ${MEMORY_BUDGET_FACTOR}x`, 'peak heap MiB'],
    rows.map((row) => {
      const { claimRssMb, timesMessage } = claimMemory(row);
      return [
        row.name,
        megabytes(row.bytes),
        `${row.documentsRead}/${row.documents}`,
        row.runs,
        row.medianMs,
        row.p95Ms,
        row.mailparserMedianMs,
        row.floorMedianMs,
        row.base64MedianMs,
        row.ratio,
        ratioVerdict(row),
        row.peakRssMb,
        claimRssMb,
        timesMessage,
        memoryVerdict(row),
        row.peakHeapMb,
      ];
    }),
  );
}

function stepsTable(rows: readonly PipelineMeasurement[]): string {
  return markdownTable(
    ['message', ...PIPELINE_STEPS, 'steps total', 'pipeline median', 'largest', 'invoice pages', 'invoices ms/page'],
    rows.map((row) => {
      const times = PIPELINE_STEPS.map((step) => row.stepMedianMs[step]);
      const total = times.reduce((sum, time) => sum + time, 0);
      const largest = PIPELINE_STEPS.reduce((found, step) => (row.stepMedianMs[step] > row.stepMedianMs[found] ? step : found));
      return [
        row.name,
        ...times,
        round(total),
        row.medianMs,
        `${largest} ${Math.round((100 * row.stepMedianMs[largest]) / total)}%`,
        row.invoicePages,
        row.invoiceMsPerPage ?? '-',
      ];
    }),
  );
}

function coldStartTable(rows: readonly ColdStartMeasurement[]): string {
  return markdownTable(
    [
      'function',
      'bundle MB',
      `≤ ${megabytes(BUNDLE_BUDGET_BYTES)} MB`,
      'import median ms',
      'libraries alone MB',
      'libraries alone ms',
      'own code ms',
      `≤ ${OWN_CODE_IMPORT_BUDGET_MS} ms`,
      'largest packages (KB)',
    ],
    rows.map((row) => [
      row.function,
      megabytes(row.bundleBytes, 2),
      bundleVerdict(row),
      row.importMedianMs,
      megabytes(row.librariesBundleBytes, 2),
      row.librariesImportMedianMs,
      ownCodeMs(row),
      importVerdict(row),
      row.largestPackages.map((item) => `${item.name} ${kilobytes(item.bytes)}`).join(', '),
    ]),
  );
}

function heavyModulesTable(rows: readonly ColdStartMeasurement[]): string {
  const modules = rows[0]?.heavyModules.map((heavy) => heavy.module) ?? [];
  return markdownTable(
    ['function', ...modules],
    rows.map((row) => [
      row.function,
      ...row.heavyModules.map((heavy) => (heavy.bundledBytes > 0 ? `${heavy.loading} (${kilobytes(heavy.bundledBytes)} KB bundled)` : heavy.loading)),
    ]),
  );
}

function endToEndTable(rows: readonly EndToEndResult[]): string {
  return markdownTable(
    ['concurrency', 'claims', 'claims/s', 'p50 ms', 'p95 ms'],
    rows.map((row) => [row.concurrency, row.claims, row.claimsPerSec, row.p50Ms, row.p95Ms]),
  );
}

function ocrTable(ocr: OcrResult): string {
  return markdownTable(['ms/page fine', 'ms/page standard', 'peak RSS MiB'], [[ocr.msPerPageFine, ocr.msPerPageStandard, ocr.peakRssMb]]);
}

function worstCaseTable(worst: WorstCaseResult): string {
  return markdownTable(['document', 'seconds', 'peak RSS MiB (intake + decoder)'], [[worst.name, worst.seconds, worst.peakRssMb]]);
}

/** One line per budget: its verdict over every row it applies to, and the figures that missed it. */
function budgetLine<Row>(budget: string, rows: readonly Row[], verdictOf: (row: Row) => Verdict, describe: (row: Row) => string): string {
  const judged = rows.filter((row) => verdictOf(row) !== '-');
  if (judged.length === 0) return `- ${budget}: not measured`;
  const over = judged.filter((row) => verdictOf(row) === 'OVER');
  return over.length === 0 ? `- ${budget}: PASS` : `- ${budget}: OVER (${over.map(describe).join('; ')})`;
}

function budgets(report: BenchReport): string {
  return [
    budgetLine(`pipeline ≤ ${PIPELINE_RATIO_BUDGET}x its floor (mailparser and pdf.js), ${megabytes(PIPELINE_RATIO_FROM_BYTES)} MB and above`, report.pipeline, ratioVerdict, (row) => `${row.name} ${row.ratio}x`),
    budgetLine(
      `memory a claim adds ≤ ${MEMORY_BUDGET_FACTOR}x the message, ${megabytes(MEMORY_BUDGET_FROM_BYTES)} MB and above`,
      report.pipeline,
      memoryVerdict,
      (row) => `${row.name} ${claimMemory(row).timesMessage}x`,
    ),
    budgetLine(`bundle ≤ ${megabytes(BUNDLE_BUDGET_BYTES)} MB`, report.coldStart, bundleVerdict, (row) => `${row.function} ${megabytes(row.bundleBytes, 2)} MB`),
    budgetLine(`own code's import ≤ ${OWN_CODE_IMPORT_BUDGET_MS} ms`, report.coldStart, importVerdict, (row) => `${row.function} ${ownCodeMs(row)} ms`),
    budgetLine(
      `worst hostile document ≤ ${WORST_CASE_SECONDS_BUDGET} s and ≤ ${WORST_CASE_RSS_BUDGET_MB} MiB`,
      report.worstCase ? [report.worstCase] : [],
      (row) => (row.seconds <= WORST_CASE_SECONDS_BUDGET && row.peakRssMb <= WORST_CASE_RSS_BUDGET_MB ? 'PASS' : 'OVER'),
      (row) => `${row.name} ${row.seconds} s, ${row.peakRssMb} MiB`,
    ),
    budgetLine(
      'heavy modules loaded on first use only',
      report.coldStart,
      (row) => (loadedAtStart(row).length > 0 ? 'OVER' : 'PASS'),
      (row) => `${row.function} loads ${loadedAtStart(row).join(', ')} at start`,
    ),
  ].join('\n');
}

/** Every table of a run, with what the figures were measured on. */
export function formatReport(report: BenchReport): string {
  const { machine } = report;
  const sections = [
    `${machine.date} · ${machine.cpus} × ${machine.cpuModel} · ${machine.memoryGb} GB · Node ${machine.node} · ${machine.platform} · load average ${machine.loadAverage} at start`,
    '### Pipeline per claim (in process, AWS in memory; medians)',
    pipelineTable(report.pipeline),
    '### Where the time goes (median ms per step)',
    stepsTable(report.pipeline),
    '### Cold start (bundled as CDK deploys it; import median of 10 fresh processes)',
    coldStartTable(report.coldStart),
    '### Heavy modules in the bundles',
    heavyModulesTable(report.coldStart),
    '### End to end on the local stack (SMTP acceptance to acknowledgement)',
    endToEndTable(report.e2e),
  ];
  if (report.ocr) sections.push('### OCR of a 3-page fax', ocrTable(report.ocr));
  if (report.worstCase) sections.push('### Worst hostile document (test/fixtures/hostile, a claim each, as the function runs it)', worstCaseTable(report.worstCase));
  sections.push('### Budgets', budgets(report));
  return sections.join('\n\n');
}
