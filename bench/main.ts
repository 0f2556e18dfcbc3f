/**
 * `npm run bench [-- <corpus dir>] [--out <file>] [--sessions <n>] [--cards <n>]`: how fast the extension is,
 * each figure a ratio against a reference measured side by side in the same run, since absolute
 * times on shared machines are noise. Prints one table and writes the same figures as JSON.
 * `npm run bench` packages first, so the bundles and the .vsix measured are the ones that ship.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { hubCard, largeCard, usualCard, type BenchCard } from "./cards";
import { cliCheck, completionWhileIndexing, generateTree, markdownlintCli2, removeTree, serverCheck, TREE_FILES, type GeneratedTree } from "./collection";
import { readCorpus, type CorpusFile } from "./corpus";
import { VALIDATE_DELAY_ENV } from "../server/src/lsp/validateDelay";
import { measureSession, measureStartup, SAMPLES, type CardLatency, type SessionRun } from "./editor";
import { formatTable, passes, type Goal, type Row } from "./report";
import { figure, percentiles, ratios, type Percentiles } from "./stats";
import { measureMarkdownItParse, measureThroughput, type ThroughputRuns } from "./throughput";

const REPO_ROOT = path.resolve(__dirname, "..");
const BUNDLES = { client: "client/out/extension.js", server: "server/out/server.js", browserClient: "client/out/browser.js", browserServer: "server/out/browser.js" };
const VSIX = "model-cards.vsix";
const LARGE_CARD_LINES = 5000;

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: "string", default: path.join(REPO_ROOT, "bench/results.json") },
    // Each session is a fresh server; the latency and memory figures are medians over sessions.
    sessions: { type: "string", default: "5" },
    // The generated workspace's size; smaller for a quick look on a busy machine.
    cards: { type: "string", default: String(TREE_FILES) },
  },
});
const corpusRoot = path.resolve(positionals[0] ?? path.join(REPO_ROOT, "../shared/corpus"));
const sessions = Number(options.sessions);
const THROUGHPUT_RUNS = 30;
/** Each run on 10,000 cards takes markdownlint-cli2 most of a minute. */
const COLLECTION_RUNS = 3;
const STARTUP_RUNS = 15;

const progress = (message: string): void => {
  process.stderr.write(`bench: ${message}\n`);
};

/** A development bundle is twice the size and slower: measuring one would say nothing about what ships. */
function assertProductionBundles(): void {
  for (const bundle of Object.values(BUNDLES)) {
    if (readFileSync(path.join(REPO_ROOT, bundle), "utf8").includes("//# sourceMappingURL=")) {
      throw new Error(`${bundle} is a development build: run \`npm run package\` first (\`npm run bench\` does).`);
    }
  }
}

function sizeRows(): Row[] {
  // In KiB, as esbuild's build summary prints the bundles, the sizes the goals were set from.
  const kib = (file: string): number => statSync(path.join(REPO_ROOT, file)).size / 1024;
  const row = (measure: string, file: string, max: number): Row => ({ section: "Size", measure, unit: "KiB", ours: figure([kib(file)]), goal: { max, on: "value" } });
  return [
    // The server's goal is 450 KiB since it carries the Hub's vocabularies (issue 11 set it).
    row("server bundle", BUNDLES.server, 450),
    row("client bundle", BUNDLES.client, 400),
    // The web extension's (package.json `browser`): the server as a web worker, and its client.
    row("browser server bundle", BUNDLES.browserServer, 400),
    row("browser client bundle", BUNDLES.browserClient, 400),
    row(".vsix", VSIX, 1024),
  ];
}

/** A row comparing two series measured run by run. */
function compared(section: string, measure: string, unit: Row["unit"], ours: number[], reference: { name: string; runs: number[] }, goal?: Goal): Row {
  return { section, measure, unit, ours: figure(ours), reference: { name: reference.name, figure: figure(reference.runs) }, ratio: figure(ratios(ours, reference.runs)), ...(goal && { goal }) };
}

const OPERATIONS = [
  ["diagnostics", "didChange→diagnostics"],
  ["completion", "completion"],
  ["hover", "hover"],
  ["codeAction", "codeAction"],
] as const;

/**
 * The issue's bars: on a usual card every p95 within 3× the round trip; on the large card checking
 * within 3× of markdown-it parsing it plus the round trip, and the requests at the cursor within 3×
 * the round trip (no goal is set for its code actions).
 */
function latencyRows(runs: readonly SessionRun[], card: BenchCard, large: boolean, markdownIt: readonly Percentiles[], kind = "Usual card"): Row[] {
  const section = large ? `${card.lines}-line card` : `${kind} (${card.lines} lines)`;
  const of = (pick: (latency: CardLatency) => Percentiles, percentile: keyof Percentiles): number[] => runs.map((run) => pick(run.cards[card.name]!)[percentile]);
  return OPERATIONS.flatMap(([key, name]) => (["p50", "p95"] as const).map((percentile) => {
    const ours = of((l) => l[key], percentile);
    const roundTrip = { name: `round trip ${percentile}`, runs: of((l) => l.roundTrip, percentile) };
    const goal: Goal | undefined = percentile === "p95" && !(large && key === "codeAction") ? { max: 3, on: "ratio" } : undefined;
    if (large && key === "diagnostics") {
      const reference = { name: `markdown-it parse + round trip ${percentile}`, runs: roundTrip.runs.map((rt, i) => rt + markdownIt[i]![percentile]) };
      return compared(section, `${name} ${percentile}`, "ms", ours, reference, goal);
    }
    return compared(section, `${name} ${percentile}`, "ms", ours, roundTrip, goal);
  }));
}

/** The 10,000-card rows; the figures' raw runs go to the JSON too. */
async function collectionRows(tree: GeneratedTree, card: BenchCard): Promise<{ rows: Row[]; raw: unknown }> {
  const runs = { cli: [] as number[], markdownlint: [] as number[], serverCheck: [] as number[], cliBesideServer: [] as number[], afterCheckMiB: [] as number[], idleEmptyMiB: [] as number[], completionP95: [] as number[], roundTripP95: [] as number[], indexedAtEnd: [] as number[] };
  // The first run of each reads the tree into the page cache.
  await cliCheck(tree);
  for (let i = 0; i < COLLECTION_RUNS; i++) {
    progress(`${tree.files} cards, run ${i + 1} of ${COLLECTION_RUNS}`);
    runs.markdownlint.push(await markdownlintCli2(tree));
    runs.cli.push(await cliCheck(tree));
    const server = await serverCheck(tree);
    runs.serverCheck.push(server.checkMs);
    runs.cliBesideServer.push(await cliCheck(tree));
    runs.afterCheckMiB.push(server.afterCheckKiB / 1024);
    runs.idleEmptyMiB.push(server.idleEmptyKiB / 1024);
    const indexing = await completionWhileIndexing(tree, card);
    runs.completionP95.push(indexing.completion.p95);
    runs.roundTripP95.push(indexing.roundTrip.p95);
    runs.indexedAtEnd.push(indexing.indexedAtEnd);
  }
  const section = `${tree.files} cards`;
  const rows = [
    compared(section, "check, whole process", "ms", runs.cli, { name: "markdownlint-cli2", runs: runs.markdownlint }, { max: 0.05, on: "ratio" }),
    compared(section, "workspace check (server)", "ms", runs.serverCheck, { name: "model-cards check", runs: runs.cliBesideServer }, { max: 1.25, on: "ratio" }),
    compared(section, "server RSS after checking all", "MiB", runs.afterCheckMiB, { name: "idle, empty workspace", runs: runs.idleEmptyMiB }, { max: 2, on: "ratio" }),
    compared(section, "completion p95 while indexing", "ms", runs.completionP95, { name: "round trip p95", runs: runs.roundTripP95 }, { max: 3, on: "ratio" }),
  ];
  return { rows, raw: runs };
}

function machine(): Record<string, string | number> {
  return { cpus: os.availableParallelism(), cpu: os.cpus()[0]?.model ?? "unknown", node: process.version, platform: `${os.platform()} ${os.arch()}`, memoryGiB: Math.round(os.totalmem() / 2 ** 30) };
}

const throughputRows = (throughput: ThroughputRuns): Row[] => [
  compared("Throughput", "check the corpus", "ms", throughput.ours, { name: "markdownlint", runs: throughput.markdownlint }, { max: 0.1, on: "ratio" }),
  compared("Throughput", "check the corpus", "ms", throughput.ours, { name: "markdown-it parse", runs: throughput.markdownIt }, { max: 1.5, on: "ratio" }),
];

function memoryRow(corpus: readonly CorpusFile[], sessionRuns: readonly SessionRun[]): Row {
  const mib = (kib: number): number => kib / 1024;
  return compared("Memory", `RSS, ${corpus.length} files open`, "MiB", sessionRuns.map((r) => mib(r.corpusOpenKiB)), { name: "idle", runs: sessionRuns.map((r) => mib(r.idleKiB)) }, { max: 1.5, on: "ratio" });
}

async function main(): Promise<void> {
  assertProductionBundles();
  // A clone with no corpus next to it still gets the other figures; a corpus asked for must exist.
  const corpus = positionals[0] === undefined && !existsSync(corpusRoot) ? undefined : readCorpus(corpusRoot);
  const lines = corpus?.reduce((n, f) => n + f.text.split("\n").length, 0);
  const corpusNote = corpus ? `corpus: ${corpus.length} files, ${lines} lines, under ${corpusRoot}` : `no corpus at ${corpusRoot}, so no throughput or memory figures: pass its directory (npm run bench -- <dir>)`;
  const cards = { usual: usualCard(), large: largeCard(LARGE_CARD_LINES), hub: hubCard() };

  progress(corpus ? `checking throughput (${corpusNote}), ${THROUGHPUT_RUNS} runs` : corpusNote);
  const throughput = corpus && (await measureThroughput(corpus, THROUGHPUT_RUNS));
  progress(`start-up: ${STARTUP_RUNS} runs`);
  const startup = await measureStartup(STARTUP_RUNS);
  const sessionRuns: SessionRun[] = [];
  const markdownIt: Percentiles[] = [];
  for (let i = 0; i < sessions; i++) {
    progress(`editor session ${i + 1} of ${sessions}`);
    sessionRuns.push(await measureSession(corpus ?? [], [cards.usual, cards.large, cards.hub]));
    markdownIt.push(percentiles(measureMarkdownItParse(cards.large.text, 100)));
  }

  const posts = path.join(corpusRoot, "nl2code/_posts");
  const tree = generateTree(existsSync(posts) ? posts : undefined, Number(options.cards));
  progress(`${tree.files} cards generated from ${tree.source} under ${tree.root}`);
  let collection: Awaited<ReturnType<typeof collectionRows>>;
  try {
    collection = await collectionRows(tree, cards.usual);
  } finally {
    removeTree(tree);
  }

  const rows: Row[] = [
    ...(throughput ? throughputRows(throughput) : []),
    ...collection.rows,
    ...latencyRows(sessionRuns, cards.usual, false, markdownIt),
    ...latencyRows(sessionRuns, cards.large, true, markdownIt),
    ...latencyRows(sessionRuns, cards.hub, false, markdownIt, "Hub model card"),
    compared("Start-up", "spawn → initialize result", "ms", startup.server, { name: "node -e 0", runs: startup.bareNode }, { max: 2.5, on: "ratio" }),
    ...(corpus ? [memoryRow(corpus, sessionRuns)] : []),
    ...sizeRows(),
  ];

  const m = machine();
  console.log(`${formatTable(rows)}

${m.cpus} × ${m.cpu}, Node ${m.node}, ${m.platform}; ${corpusNote}.
Medians of ${THROUGHPUT_RUNS} throughput runs, ${STARTUP_RUNS} start-ups and ${sessions} server sessions (each with ${2 * SAMPLES} edits and ${2 * SAMPLES} of each request per card, debounce 0 through ${VALIDATE_DELAY_ENV}=0, so nothing is subtracted).`);
  const failed = rows.filter((row) => passes(row) === false).length;
  writeFileSync(options.out, `${JSON.stringify({ date: new Date().toISOString(), machine: m, corpus: corpus ? { root: corpusRoot, files: corpus.length, lines } : null, rows, raw: { throughput, startup, sessions: sessionRuns, markdownIt, collection: collection.raw } }, null, 2)}\n`);
  progress(`${failed === 0 ? "every goal met" : `${failed} goal(s) missed`}; figures written to ${options.out}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
