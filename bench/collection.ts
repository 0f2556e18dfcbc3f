/**
 * A workspace of 10,000 cards, generated: the corpus (or, without it, the project's fixtures)
 * copied into numbered folders until the tree holds that many files. On it, side by side: the CLI
 * and markdownlint-cli2 whole process to whole process, the server's workspace check against the
 * CLI, the server's memory after it against an idle server on an empty workspace, and completion
 * on a new card while the server is still reading the tree at start-up.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { CARDS, CHECK_WORKSPACE, type CardsResult, type CheckWorkspaceResult } from "../server/src/lsp/protocol";
import { LspClient } from "../server/test/lsp/client";
import type { BenchCard } from "./cards";
import { residentKiB } from "./editor";
import { percentiles, type Percentiles } from "./stats";

const REPO_ROOT = path.resolve(__dirname, "..");
const CLI = path.join(REPO_ROOT, "server/out/cli.js");
const MARKDOWNLINT_CLI2 = path.join(REPO_ROOT, "node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs");
export const TREE_FILES = 10_000;

export interface GeneratedTree {
  readonly root: string;
  readonly files: number;
  /** Where the files came from. */
  readonly source: string;
}

/** The project's own cards, for a clone without the corpus. */
function fixtureSources(): { name: string; text: string }[] {
  const dir = path.join(REPO_ROOT, "server/test/fixtures");
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".md")).sort().map((f) => ({ name: path.basename(f), text: readFileSync(path.join(dir, f), "utf8") }));
}

/** Writes `files` markdown files under a new temp folder: copy k of the sources in `copy-k/_posts`. */
export function generateTree(corpusPosts: string | undefined, files = TREE_FILES): GeneratedTree {
  const sources = corpusPosts
    ? readdirSync(corpusPosts).filter((f) => f.endsWith(".md")).sort().map((name) => ({ name, text: readFileSync(path.join(corpusPosts, name), "utf8") }))
    : fixtureSources();
  const root = mkdtempSync(path.join(tmpdir(), "model-cards-10k-"));
  for (let i = 0; i < files; i++) {
    const copy = Math.floor(i / sources.length);
    const source = sources[i % sources.length]!;
    const dir = path.join(root, `copy-${String(copy).padStart(3, "0")}`, "_posts");
    if (i % sources.length === 0) mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, source.name), source.text);
  }
  return { root, files, source: corpusPosts ?? "the project's fixtures" };
}

export function removeTree(tree: GeneratedTree): void {
  rmSync(tree.root, { recursive: true, force: true });
}

/** Spawn to exit of a command, its output thrown away as a CI log would only store it. */
function wholeProcess(args: readonly string[], cwd: string): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      // Both exit 1 when they find problems, which every generated tree has; 2 is a failure.
      if (code !== 0 && code !== 1) reject(new Error(`${args.join(" ")} exited with ${code}: ${stderr.slice(0, 500)}`));
      else resolve(performance.now() - start);
    });
  });
}

export const cliCheck = (tree: GeneratedTree): Promise<number> => wholeProcess([CLI, "check", ".", "--format", "json"], tree.root);
export const markdownlintCli2 = (tree: GeneratedTree): Promise<number> => wholeProcess([MARKDOWNLINT_CLI2, "**/*.md"], tree.root);

/** Asks for the server's cards until their number stops growing: the start-up scan is over. */
async function indexSettled(client: LspClient): Promise<number> {
  let last = -1;
  for (;;) {
    const { cards } = await client.request<CardsResult>(CARDS, {}, 60_000);
    if (cards.length === last && last > 0) return last;
    last = cards.length;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

export interface ServerCheckRun {
  readonly checkMs: number;
  readonly cards: number;
  readonly afterCheckKiB: number;
  readonly idleEmptyKiB: number;
}

/**
 * The workspace check through the server, once its start-up scan is over (so the two do not share
 * the time), and its resident memory after; then an idle server on an empty workspace.
 */
export async function serverCheck(tree: GeneratedTree): Promise<ServerCheckRun> {
  const client = await LspClient.start({ workspaceFolders: [tree.root], pullConfiguration: false });
  let checkMs: number;
  let cards: number;
  let afterCheckKiB: number;
  try {
    await indexSettled(client);
    const start = performance.now();
    const result = await client.request<CheckWorkspaceResult>(CHECK_WORKSPACE, {}, 10 * 60_000);
    checkMs = performance.now() - start;
    if (result.files !== tree.files) throw new Error(`the server checked ${result.files} files of ${tree.files}`);
    cards = result.cards;
    afterCheckKiB = residentKiB(client.pid);
  } finally {
    await client.shutdown();
  }
  const empty = mkdtempSync(path.join(tmpdir(), "model-cards-empty-"));
  const idle = await LspClient.start({ workspaceFolders: [empty], pullConfiguration: false });
  try {
    // Nothing to read: a second for start-up work to end, then a round trip.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await idle.unknownRequest();
    return { checkMs, cards, afterCheckKiB, idleEmptyKiB: residentKiB(idle.pid) };
  } finally {
    await idle.shutdown();
    rmSync(empty, { recursive: true, force: true });
  }
}

export interface IndexingLatency {
  readonly completion: Percentiles;
  readonly roundTrip: Percentiles;
  /** Cards the server had indexed when the last sample was taken, of all. */
  readonly indexedAtEnd: number;
}

/** Completion on a new card, and the round trip next to it, while the start-up scan reads the tree. */
export async function completionWhileIndexing(tree: GeneratedTree, card: BenchCard, samples = 60): Promise<IndexingLatency> {
  const client = await LspClient.start({ workspaceFolders: [tree.root], pullConfiguration: false, validateDelayMs: 0 });
  try {
    const uri = pathToFileURL(path.join(tree.root, "_posts", path.basename(card.uri))).href;
    await client.open(uri, card.text);
    const completion: number[] = [];
    const roundTrip: number[] = [];
    const timed = async (samplesOf: number[], request: () => Promise<unknown>): Promise<void> => {
      const start = performance.now();
      await request();
      samplesOf.push(performance.now() - start);
    };
    const complete = (): Promise<void> => timed(completion, () => client.completion(uri, card.completeAt));
    const reference = (): Promise<void> => timed(roundTrip, () => client.unknownRequest());
    for (let i = 0; i < samples; i++) {
      // In turns, so that a busy moment of the scan falls on both alike.
      for (const request of i % 2 === 0 ? [complete, reference] : [reference, complete]) await request();
    }
    const { cards } = await client.request<CardsResult>(CARDS, {});
    return { completion: percentiles(completion), roundTrip: percentiles(roundTrip), indexedAtEnd: cards.length };
  } finally {
    await client.shutdown();
  }
}
