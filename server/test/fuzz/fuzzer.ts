/**
 * A seeded fuzzer for the fixes: it mutates real cards the way people and tools damage them, runs
 * `--fix`, `--fix=all` and fix-on-save on each, and counts the words the result lost and the runs
 * that were not idempotent. Words are counted here on their own (runs of letters and digits, case
 * folded), not with the core's guard, so a guard that let a loss through would still be caught.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { TextDocument } from "vscode-languageserver-textdocument";
import { FIX_ALL_KIND, type AppliedFix, type FixScope } from "../../src/core/features/fixAll";
import { CardService } from "../../src/core/service";

export const REPO_ROOT = path.resolve(__dirname, "../../..");
const CORPUS = path.resolve(REPO_ROOT, "../shared/corpus");
const FIXTURES = path.join(REPO_ROOT, "server/test/fixtures");

export interface Card {
  readonly name: string;
  readonly text: string;
}

function markdownUnder(root: string): Card[] {
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(path.join(root, f), "utf8") }));
}

export interface SeedCards {
  readonly source: "corpus" | "fixtures";
  readonly cards: readonly Card[];
}

export const fixtureSeeds = (): SeedCards => ({ source: "fixtures", cards: markdownUnder(FIXTURES) });

/** The corpus's cards when it is next to the repo, the project's fixtures otherwise. */
export function seedCards(): SeedCards {
  if (existsSync(CORPUS)) {
    const cards = markdownUnder(CORPUS).filter((c) => /^tags:.*\b(models|benchmarks)\b/m.test(c.text));
    if (cards.length > 0) return { source: "corpus", cards };
  }
  return fixtureSeeds();
}

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

const CJK = ["模型", "论文", "大小", "数据", "训练", "分词器"];
const SYMBOLS = ["Ω", "α", "β", "λ", "∑", "§", "©", "™", "°", "→", "±"];
const EMOJI = ["📙", "📚", "🏠", "🔑", "🌐", "📏", "🗂️", "🍉", "🧪", "🏃‍♀️", "🦄", "✨"];
const cp1252 = new Map<number, string>([[0x80, "€"], [0x82, "‚"], [0x83, "ƒ"], [0x84, "„"], [0x85, "…"], [0x86, "†"], [0x87, "‡"], [0x88, "ˆ"], [0x89, "‰"], [0x8a, "Š"], [0x8b, "‹"], [0x8c, "Œ"], [0x8e, "Ž"], [0x91, "‘"], [0x92, "’"], [0x93, "“"], [0x94, "”"], [0x95, "•"], [0x96, "–"], [0x97, "—"], [0x98, "˜"], [0x99, "™"], [0x9a, "š"], [0x9b, "›"], [0x9c, "œ"], [0x9e, "ž"], [0x9f, "Ÿ"]]);
/** UTF-8 bytes read as Windows-1252, as a badly configured tool writes them. */
const mojibake = (text: string): string => [...Buffer.from(text, "utf8")].map((b) => cp1252.get(b) ?? String.fromCharCode(b)).join("");

const bodyStart = (lines: readonly string[]): number => {
  const close = lines.indexOf("---", 1);
  return lines[0] === "---" && close > 0 ? close + 1 : 0;
};

/** One mutation of a line list, in place: what people paste, mistype and tools garble. */
const MUTATIONS: readonly ((lines: string[], i: number, rng: Rng) => void)[] = [
  // Text inserted anywhere in a line: translations, Greek letters, symbols.
  (lines, i, rng) => {
    const line = lines[i]!;
    const at = Math.floor(rng() * (line.length + 1));
    const word = rng() < 0.5 ? pick(rng, CJK) : pick(rng, SYMBOLS);
    lines[i] = `${line.slice(0, at)}${rng() < 0.5 ? " " : ""}${word}${rng() < 0.5 ? " " : ""}${line.slice(at)}`;
  },
  // Text right after a bullet's marker, before its emoji or label.
  (lines, i, rng) => {
    lines[i] = lines[i]!.replace(/^(\s*[-+*] )/, `$1${pick(rng, [...CJK, ...SYMBOLS])}${rng() < 0.5 ? " " : ""}`);
  },
  // A stray colon, or the full-width one.
  (lines, i, rng) => {
    const line = lines[i]!;
    const at = Math.floor(rng() * (line.length + 1));
    lines[i] = `${line.slice(0, at)}${rng() < 0.5 ? ":" : "："}${line.slice(at)}`;
  },
  (lines, i) => {
    lines[i] = lines[i]!.replace(/: ?/, "：");
  },
  // Another marker.
  (lines, i, rng) => {
    lines[i] = lines[i]!.replace(/^(\s*)[-+*] /, `$1${pick(rng, ["-", "+", "*"])} `);
  },
  // Another indent.
  (lines, i, rng) => {
    lines[i] = rng() < 0.5 ? `${" ".repeat(1 + Math.floor(rng() * 4))}${lines[i]!}` : lines[i]!.replace(/^ {1,3}/, "");
  },
  // Two lines swapped.
  (lines, i) => {
    if (i + 1 >= lines.length) return;
    [lines[i], lines[i + 1]] = [lines[i + 1]!, lines[i]!];
  },
  // An emoji garbled, replaced by another, or decorated with a joiner or a selector.
  (lines, i, rng) => {
    const m = /\p{Extended_Pictographic}(?:\u200d|\ufe0f|\u2640|\u2642)*/u.exec(lines[i]!);
    if (!m) return;
    const replacement = pick(rng, [mojibake(m[0]), pick(rng, EMOJI), `${m[0]}\u200d`, `${m[0]}\ufe0f`, `\u200d${m[0]}`, ""]);
    lines[i] = lines[i]!.slice(0, m.index) + replacement + lines[i]!.slice(m.index + m[0].length);
  },
  // The marks people type for yes and done.
  (lines, i, rng) => {
    lines[i] = lines[i]!.replace(/✅|❌|\[x\]|\[ \]/, (mark) => pick(rng, mark.startsWith("[") ? ["[X]", "[v]", "[]", "[ x]", "[✓]"] : ["√", "yes", "×", "no", "✔"]));
  },
  // A zero-width joiner dropped into a word.
  (lines, i, rng) => {
    const line = lines[i]!;
    const at = Math.floor(rng() * (line.length + 1));
    lines[i] = `${line.slice(0, at)}\u200d${line.slice(at)}`;
  },
];

/** The card with 1 to 4 mutations on lines of its body. */
export function mutate(text: string, rng: Rng): string {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text.split(eol);
  const first = bodyStart(lines);
  if (first >= lines.length) return text;
  for (let n = 1 + Math.floor(rng() * 4); n > 0; n--) pick(rng, MUTATIONS)(lines, first + Math.floor(rng() * (lines.length - first)), rng);
  return lines.join(eol);
}

// A word is a run of one script: `数据Average` is two words, as a reader sees it.
const WORD = /[\p{Script=Latin}\p{N}_]+|\p{Script=Han}+|\p{Script=Greek}+|\p{Script=Cyrillic}+|[\p{L}\p{M}]/gu;

/** Words as a reader counts them: runs of letters and digits, case folded; a checkbox (`[v]` for `[x]`) is a mark, not a word. */
function words(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of text.toLowerCase().replace(/\[[ xv✓✔✗*-]{0,3}\]/gu, " ").matchAll(WORD)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  return counts;
}

/**
 * The words of `before` that `after` lacks, less what the applied fixes say they replaced. The
 * replaced text is taken out of `before` as a whole, where a word starts: mojibake glued to a
 * label (`ðŸ“šPublisher`) would otherwise count as a word of its own.
 */
export function lostWords(before: string, after: string, applied: readonly AppliedFix[]): string[] {
  let kept = before;
  for (const replaced of applied.flatMap((a) => a.replaced ?? [])) {
    // Where it starts a word: `ep` is not taken out of `repositories`.
    kept = kept.replace(new RegExp(`(?<![\\p{L}\\p{N}])${replaced.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "u"), " ");
  }
  const left = words(after);
  const lost: string[] = [];
  for (const [w, n] of words(kept)) {
    const missing = n - (left.get(w) ?? 0);
    for (let k = 0; k < missing; k++) lost.push(w);
  }
  return lost;
}

export type Mode = "--fix" | "--fix=all" | "fix-on-save";
export const MODES: readonly Mode[] = ["--fix", "--fix=all", "fix-on-save"];

export interface Figures {
  readonly source: string;
  files: number;
  /** Per mode: words lost beyond what the applied fixes report replacing. */
  readonly wordsLost: Record<Mode, number>;
  /** Per mode: words the applied fixes replaced by design and reported (a misspelt label, `yes` → ✅). */
  readonly wordsReplaced: Record<Mode, number>;
  /** Per mode: runs whose output changed again when run a second time. */
  readonly notIdempotent: Record<Mode, number>;
  /** Per mode: fixes the core's guard held back. */
  readonly heldBack: Record<Mode, number>;
  /** The first failures, to reproduce: card, seed, mode and what went wrong. */
  readonly examples: string[];
}

const perMode = (): Record<Mode, number> => ({ "--fix": 0, "--fix=all": 0, "fix-on-save": 0 });
const SCOPES: Readonly<Record<Exclude<Mode, "fix-on-save">, FixScope>> = { "--fix": "normalize", "--fix=all": "all" };

/** What the editor's fix-on-save writes: the source.fixAll code action, applied as VS Code applies it. */
function fixOnSave(service: CardService, uri: string, text: string): string {
  const document = TextDocument.create(uri, "markdown", 1, text);
  const action = service.codeActions(document, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [FIX_ALL_KIND]).find((a) => a.kind === FIX_ALL_KIND);
  return action ? TextDocument.applyEdits(document, action.edit?.changes?.[uri] ?? []) : text;
}

/** Runs `runs` mutated cards (cycling through the seed cards) through every mode. */
export function fuzz(runs: number, seed: number, seeds: SeedCards = seedCards()): Figures {
  const figures: Figures = { source: seeds.source, files: 0, wordsLost: perMode(), wordsReplaced: perMode(), notIdempotent: perMode(), heldBack: perMode(), examples: [] };
  const service = new CardService();
  const fail = (what: string): void => {
    if (figures.examples.length < 10) figures.examples.push(what);
  };
  for (let run = 0; run < runs; run++) {
    const card = seeds.cards[run % seeds.cards.length]!;
    const rng = random(seed + run);
    const text = mutate(card.text, rng);
    const uri = pathToFileURL(path.join("/fuzz/_posts", path.basename(card.name))).href;
    figures.files++;
    for (const mode of MODES) {
      const where = `${card.name} (seed ${seed + run}, ${mode})`;
      let once: { text: string; applied: readonly AppliedFix[]; heldBack: number };
      let twice: string;
      if (mode === "fix-on-save") {
        const fixed = service.fixAll({ uri, version: 0, getText: () => text }, "normalize");
        const saved = fixOnSave(service, uri, text);
        if (saved !== fixed.text) fail(`${where}: fix-on-save wrote other text than --fix`);
        once = { text: saved, applied: fixed.applied, heldBack: fixed.refused.length };
        twice = fixOnSave(service, uri, saved);
      } else {
        const fixed = service.fixAll({ uri, version: 0, getText: () => text }, SCOPES[mode]);
        once = { text: fixed.text, applied: fixed.applied, heldBack: fixed.refused.length };
        twice = service.fixAll({ uri, version: 0, getText: () => fixed.text }, SCOPES[mode]).text;
      }
      const lost = lostWords(text, once.text, once.applied);
      figures.wordsLost[mode] += lost.length;
      figures.wordsReplaced[mode] += once.applied.flatMap((a) => a.replaced ?? []).reduce((sum, r) => sum + [...words(r).values()].reduce((a, b) => a + b, 0), 0);
      figures.heldBack[mode] += once.heldBack;
      if (lost.length > 0) fail(`${where}: lost ${lost.map((w) => JSON.stringify(w)).join(", ")}`);
      if (twice !== once.text) {
        figures.notIdempotent[mode]++;
        fail(`${where}: a second run changed the text again`);
      }
    }
  }
  return figures;
}

/** The figures as the fuzz script prints them. */
export function describeFigures(f: Figures, seconds: number): string {
  const row = (mode: Mode): string => `  ${mode.padEnd(12)} words lost ${f.wordsLost[mode]}, words replaced as reported ${f.wordsReplaced[mode]}, not idempotent ${f.notIdempotent[mode]}, fixes held back by the guard ${f.heldBack[mode]}`;
  return [`fuzzed ${f.files} mutated cards (from the ${f.source}) in ${seconds.toFixed(1)} s`, ...MODES.map(row), ...f.examples.map((e) => `  e.g. ${e}`)].join("\n");
}
