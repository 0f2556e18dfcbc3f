/**
 * Checks every file of a run and gives the results in the order of the targets. A run of many files
 * is spread over this thread and worker threads, one per core: each reads, checks and fixes the
 * files it is sent with its own service and the same configs, so the output is the same as on one
 * thread, in the same order. Small runs stay on this thread, where a worker's start-up would cost
 * more than it saves.
 */
import { availableParallelism } from "node:os";
import { parentPort, Worker, workerData } from "node:worker_threads";
import { decode } from "../node/files";
import { checkFile, type CheckTarget, type FileCheck } from "./check";
import { ConfigFinder } from "./configs";
import type { FileResult } from "./report";
import type { FileSystem } from "./write";

export interface CheckRun {
  readonly cwd: string;
  /** `--config`, when given. */
  readonly config: string | undefined;
  readonly how: FileCheck;
  /** `--jobs`: how many threads check files; undefined lets the run decide. */
  readonly jobs: number | undefined;
  /** The configs of the targets, loaded: this thread checks with its service. */
  readonly configs: ConfigFinder;
  /** Standard input, when a target is read from it: it is checked on this thread. */
  readonly stdin: { readonly file: string; readonly bytes: Uint8Array } | undefined;
  /** An injected file system for `--fix` exists only on this thread. */
  readonly files: FileSystem | undefined;
  /** The script a worker runs (the CLI's bundle); without it every file is checked here. */
  readonly workerScript: string | undefined;
}

/** Below this many files, starting workers (each loads the bundle) costs more than they save. */
const PARALLEL_FROM = 400;
/** Files per message: few messages, yet small enough that the threads finish at about the same time. */
const BATCH = 128;

/** What a worker is started with. */
interface WorkerSetup {
  readonly cwd: string;
  readonly config: string | undefined;
  readonly how: Omit<FileCheck, "files">;
}

type Request = { readonly from: number; readonly targets: readonly CheckTarget[] };
type Reply = { readonly from: number; readonly results: readonly FileResult[] };

/** How many threads check the files of a run. */
export function threadsFor(files: number, run: Pick<CheckRun, "jobs" | "stdin" | "files" | "workerScript">): number {
  if (run.workerScript === undefined || run.files !== undefined || run.stdin !== undefined) return 1;
  if (run.jobs !== undefined) return Math.max(1, Math.min(run.jobs, Math.ceil(files / BATCH)));
  return files >= PARALLEL_FROM ? availableParallelism() : 1;
}

export async function checkTargets(targets: readonly CheckTarget[], run: CheckRun): Promise<FileResult[]> {
  const threads = threadsFor(targets.length, run);
  const how = { ...run.how, files: run.files };
  const checkHere = (target: CheckTarget): FileResult => checkFile(run.configs.service, target, how, run.stdin && target.file === run.stdin.file ? decode(run.stdin.bytes) : undefined);
  return threads > 1 ? inWorkers(targets, threads, run.workerScript!, { cwd: run.cwd, config: run.config, how: run.how }, checkHere) : targets.map(checkHere);
}

/**
 * Checks the targets on this thread and `threads - 1` workers, a batch at a time: each worker has a
 * batch in hand and one waiting, so it never waits for this thread, which checks a batch between
 * the workers' replies. Each result goes to its target's place.
 */
function inWorkers(targets: readonly CheckTarget[], threads: number, script: string, setup: WorkerSetup, checkHere: (target: CheckTarget) => FileResult): Promise<FileResult[]> {
  const results = new Array<FileResult>(targets.length);
  const workers: Worker[] = [];
  let next = 0;
  let pending = targets.length;
  let settled = false;
  return new Promise<FileResult[]>((resolve, reject) => {
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else resolve(results);
    };
    const take = (): Request | undefined => {
      if (next >= targets.length) return undefined;
      const request = { from: next, targets: targets.slice(next, next + BATCH) };
      next += BATCH;
      return request;
    };
    const done = (from: number, batch: readonly FileResult[]): void => {
      for (let i = 0; i < batch.length; i++) results[from + i] = batch[i]!;
      pending -= batch.length;
      if (pending === 0) finish();
    };
    const send = (worker: Worker): void => {
      const request = take();
      if (request) worker.postMessage(request);
    };
    for (let i = 1; i < threads; i++) {
      const worker = new Worker(script, { workerData: setup });
      workers.push(worker);
      worker.on("message", ({ from, results: batch }: Reply) => {
        done(from, batch);
        send(worker);
      });
      worker.on("error", (e) => {
        finish(new Error(`a worker thread failed: ${e.message}`));
      });
      worker.on("exit", (code) => {
        if (pending > 0) finish(new Error(`a worker thread stopped (exit code ${code}) before checking every file`));
      });
      send(worker);
      send(worker);
    }
    const here = async (): Promise<void> => {
      for (let request = take(); request && !settled; request = take()) {
        done(request.from, request.targets.map(checkHere));
        // Let the workers' replies in, so that they get their next batch without waiting for ours.
        await new Promise((resume) => setImmediate(resume));
      }
    };
    here().catch((e: unknown) => {
      finish(e instanceof Error ? e : new Error(String(e)));
    });
  });
}

/** A worker thread's side: checks each batch it is sent and answers with the results. */
export function serveChecks(): void {
  const setup = workerData as WorkerSetup;
  const configs = new ConfigFinder(setup.cwd, setup.config);
  parentPort!.on("message", ({ from, targets }: Request) => {
    void configs.load(targets.map((t) => t.uri)).then(() => {
      parentPort!.postMessage({ from, results: targets.map((target) => checkFile(configs.service, target, setup.how)) } satisfies Reply);
    });
  });
}
