/**
 * npm run bench: every scenario in a process of its own, then the tables and bench/results.json.
 * A benchmark reports; it never fails: a scenario that breaks is reported and the others still run.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { deployedFunctions } from './cold-start/deployed-functions.ts';
import { PROJECT_ROOT } from './lib/project-root.ts';
import { runScenario, type ScenarioRun } from './lib/run-scenario.ts';
import { progress } from './lib/scenario-output.ts';
import { round } from './lib/stats.ts';
import { writePipelineMessages } from './messages/write-pipeline-messages.ts';
import { formatReport } from './report.ts';
import {
  coldStartResult,
  pipelineResult,
  type BenchResults,
  type ColdStartMeasurement,
  type EndToEndResult,
  type MachineInfo,
  type OcrResult,
  type PipelineMeasurement,
  type WorstCaseResult,
} from './results.ts';

const RESULTS_FILE = path.join(PROJECT_ROOT, 'bench', 'results.json');
/** Full collections between runs keep one run's garbage out of the next one's memory peak. */
const MEASURING_NODE_OPTIONS = ['--expose-gc'];

function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGb: round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    loadAverage: round(os.loadavg()[0] ?? 0),
    date: new Date().toISOString(),
  };
}

/** The scenario's result, or undefined (and why, on stderr) when it broke. */
async function attempt<T>(title: string, run: ScenarioRun): Promise<T | undefined> {
  process.stderr.write(`\n${title}\n`);
  try {
    return (await runScenario(run)) as T;
  } catch (error) {
    progress(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** How the deployed intake's process allocates memory (its MALLOC_ variables, as the stack sets them): the pipeline runs the same way. */
function intakeAllocatorEnvironment(): Record<string, string> {
  const intake = deployedFunctions().find(({ name }) => name === 'intake');
  if (intake === undefined) throw new Error('The stack has no intake function');
  return Object.fromEntries(Object.entries(intake.environment).filter(([name]) => name.startsWith('MALLOC_')));
}

async function measurePipeline(): Promise<PipelineMeasurement[]> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'claims-intake-bench-'));
  try {
    process.stderr.write('Building the benchmark messages\n');
    const measurements: PipelineMeasurement[] = [];
    for (const { spec, file } of await writePipelineMessages(directory)) {
      const measurement = await attempt<PipelineMeasurement>(`Pipeline: ${spec.name}`, {
        script: 'bench/scenarios/pipeline.ts',
        nodeOptions: MEASURING_NODE_OPTIONS,
        environment: intakeAllocatorEnvironment(),
        args: ['--message', file, '--name', spec.name, '--warmups', String(spec.warmupRuns), '--runs', String(spec.measuredRuns), '--step-runs', String(spec.stepRuns)],
        resultKey: 'pipeline',
      });
      if (measurement) measurements.push(measurement);
    }
    return measurements;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

const machine = machineInfo();
const pipeline = await measurePipeline();
const coldStart = (await attempt<ColdStartMeasurement[]>('Cold start', { script: 'bench/scenarios/cold-start.ts', resultKey: 'coldStart' })) ?? [];
const e2e = (await attempt<EndToEndResult[]>('End to end on the local stack', { script: 'bench/scenarios/e2e.ts', resultKey: 'e2e' })) ?? [];
const ocr = await attempt<OcrResult>('OCR', { script: 'bench/scenarios/ocr.ts', resultKey: 'ocr' });
const worstCase = await attempt<WorstCaseResult>('Hostile documents, as the function runs them', {
  script: 'bench/scenarios/hostile.ts',
  environment: intakeAllocatorEnvironment(),
  resultKey: 'worstCase',
});

const results: BenchResults = {
  machine,
  pipeline: pipeline.map(pipelineResult),
  coldStart: coldStart.map(coldStartResult),
  e2e,
  ...(ocr ? { ocr } : {}),
  ...(worstCase ? { worstCase } : {}),
};
await writeFile(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`\n${formatReport({ machine, pipeline, coldStart, e2e, ...(ocr ? { ocr } : {}), ...(worstCase ? { worstCase } : {}) })}\n\nWritten: ${path.relative(PROJECT_ROOT, RESULTS_FILE)}\n`);
