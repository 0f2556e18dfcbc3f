/**
 * What an editor feels, measured against the bundled server over stdio with the LSP tests' client:
 * start-up, resident memory, and the latency of each request next to the round trip of a request
 * the server answers at once, in the same session.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { LspClient } from "../server/test/lsp/client";
import type { BenchCard } from "./cards";
import type { CorpusFile } from "./corpus";
import { percentiles, type Percentiles } from "./stats";

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** Spawn to exit of `node -e 0`, with the same pipes as the server gets: the cost of starting node at all. */
function bareNode(): Promise<number> {
  return timed(() => new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", "0"], { stdio: ["pipe", "pipe", "pipe"] });
    child.on("error", reject);
    child.on("exit", () => {
      resolve();
    });
  }));
}

/** Spawn to the `initialize` result (a client that does not pull settings sends nothing it must wait for). */
async function serverStart(): Promise<number> {
  let client: LspClient | undefined;
  const ms = await timed(async () => {
    client = await LspClient.start({ pullConfiguration: false });
  });
  await client?.shutdown();
  return ms;
}

export interface StartupRuns {
  readonly server: number[];
  readonly bareNode: number[];
}

/** Alternates the two, so a busy moment of the machine falls on both sides alike. */
export async function measureStartup(runs: number): Promise<StartupRuns> {
  const result: StartupRuns = { server: [], bareNode: [] };
  // The first spawns also load node and the bundle from disk into the page cache.
  await bareNode();
  await serverStart();
  for (let run = 0; run < runs; run++) {
    result.bareNode.push(await bareNode());
    result.server.push(await serverStart());
  }
  return result;
}

/** Resident memory of a process in KiB, as the kernel counts it. */
export function residentKiB(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  assert.ok(match, `no VmRSS in /proc/${pid}/status`);
  return Number(match[1]);
}

export interface CardLatency {
  readonly roundTrip: Percentiles;
  /** didChange sent → publishDiagnostics for that version received, with the server's debounce set to 0. */
  readonly diagnostics: Percentiles;
  readonly completion: Percentiles;
  readonly hover: Percentiles;
  readonly codeAction: Percentiles;
}

export interface SessionRun {
  readonly idleKiB: number;
  readonly corpusOpenKiB: number;
  readonly cards: Record<string, CardLatency>;
}

/** Rounds of two edits, each followed by every request: a p95 over 300 samples, a run of about a minute. */
const WARM_UP = 30;
export const SAMPLES = 150;

async function cardLatency(client: LspClient, card: BenchCard): Promise<CardLatency> {
  await client.open(card.uri, card.text);
  const problem = (await client.settledDiagnostics(card.uri)).find((d) => d.code === card.problem);
  assert.ok(problem, `${card.name} has no ${card.problem} diagnostic for the quick fix to measure`);
  const samples = { roundTrip: [] as number[], diagnostics: [] as number[], completion: [] as number[], hover: [] as number[], codeAction: [] as number[] };
  const typed = { range: { start: card.typeAt, end: card.typeAt }, text: "W" };
  const erased = { range: { start: card.typeAt, end: { ...card.typeAt, character: card.typeAt.character + 1 } }, text: "" };
  const type = async (change: typeof typed): Promise<void> => {
    await client.change(card.uri, change);
    await client.settledDiagnostics(card.uri);
  };
  // Each request must do its real work, so its answer is checked once before the samples.
  assert.ok((await client.completion(card.uri, card.completeAt)).length > 0, `no completions on ${card.name}`);
  assert.ok(await client.hover(card.uri, card.hoverAt), `no hover on ${card.name}`);
  assert.ok((await client.quickFixes(card.uri, problem)).length > 0, `no quick fix on ${card.name}`);
  const requests = {
    roundTrip: () => client.unknownRequest(),
    completion: () => client.completion(card.uri, card.completeAt),
    hover: () => client.hover(card.uri, card.hoverAt),
    codeAction: () => client.quickFixes(card.uri, problem),
  };
  const names = Object.keys(requests) as (keyof typeof requests)[];
  let edits = 0;
  for (let i = 0; i < WARM_UP + SAMPLES; i++) {
    // Typed, then erased, so every sample works on the same card; both edits are samples.
    for (const change of [typed, erased]) {
      const record = i >= WARM_UP;
      const checked = await timed(() => type(change));
      if (record) samples.diagnostics.push(checked);
      // The request right after an edit pays for the garbage of checking it: each kind, the
      // reference too, takes that place in turn, or the reference would look slower than it is.
      for (let j = 0; j < names.length; j++) {
        const name = names[(edits + j) % names.length]!;
        const ms = await timed(requests[name]);
        if (record) samples[name].push(ms);
      }
      edits++;
    }
  }
  await client.close(card.uri);
  return {
    roundTrip: percentiles(samples.roundTrip),
    diagnostics: percentiles(samples.diagnostics),
    completion: percentiles(samples.completion),
    hover: percentiles(samples.hover),
    codeAction: percentiles(samples.codeAction),
  };
}

/**
 * One session of the production server with the debounce off: memory idle and with every corpus
 * file open (they stay open, as in a workspace), then the latency on each card.
 */
export async function measureSession(corpus: readonly CorpusFile[], cards: readonly BenchCard[]): Promise<SessionRun> {
  const client = await LspClient.start({ validateDelayMs: 0 });
  try {
    const idleKiB = residentKiB(client.pid);
    for (const file of corpus) await client.open(file.uri, file.text);
    await Promise.all(corpus.map((file) => client.settledDiagnostics(file.uri)));
    const corpusOpenKiB = residentKiB(client.pid);
    const latency: Record<string, CardLatency> = {};
    for (const card of cards) latency[card.name] = await cardLatency(client, card);
    return { idleKiB, corpusOpenKiB, cards: latency };
  } finally {
    await client.shutdown();
  }
}
