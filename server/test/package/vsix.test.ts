/**
 * `npm run package` as a publisher runs it: the .vsix carries the icon and the changelog the
 * Marketplace shows, and a vsce warning fails the command instead of scrolling by.
 * Packages a copy of the extension's shipped files (the bundles `npm test` builds first), so the
 * test can also break the manifest on purpose without touching the repository.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { after, describe, test } from "node:test";
import { VSIX } from "../../../scripts/package";
import { zipEntries } from "./zip";

const ROOT = path.resolve(__dirname, "../../..");
/** What the package ships: the allow-list of .vscodeignore (`!path`, `!folder/**`), and that file itself. */
const SHIPPED = [
  ".vscodeignore",
  ...readFileSync(path.join(ROOT, ".vscodeignore"), "utf8")
    .split("\n")
    .filter((line) => line.startsWith("!"))
    .map((line) => line.slice(1).replace(/\/\*\*$/, "")),
];

interface Manifest {
  icon: string;
  scripts: Record<string, string>;
  extensionKind?: unknown;
}

/** A folder with the shipped files and `change` applied to the manifest; packaging it needs no build. */
function packageCopy(change: (manifest: Manifest) => void = () => undefined): string {
  const dir = mkdtempSync(path.join(tmpdir(), "model-cards-vsix-"));
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  for (const file of SHIPPED) {
    if (!existsSync(path.join(ROOT, file))) throw new Error(`${file} is missing: run \`node esbuild.mjs\` first.`);
    cpSync(path.join(ROOT, file), path.join(dir, file), { recursive: true });
  }
  // Where npm would find tsx and vsce, as in the repository.
  symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as Manifest;
  // The bundles are already there: the production build vsce would run first is not what is tested.
  delete manifest.scripts["vscode:prepublish"];
  change(manifest);
  writeFileSync(path.join(dir, "package.json"), JSON.stringify(manifest, null, 2));
  return dir;
}

function npmRunPackage(cwd: string): { code: number | null; output: string } {
  const run = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/package.ts")], { cwd, encoding: "utf8", timeout: 120_000 });
  if (run.error) throw run.error;
  return { code: run.status, output: run.stdout + run.stderr };
}

/** Width and height from a PNG's header chunk, which always comes first. */
function pngSize(file: string): { width: number; height: number } {
  const png = readFileSync(file);
  assert.equal(png.toString("latin1", 1, 4), "PNG", `${file} is not a PNG`);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

void describe("npm run package", () => {
  test("the .vsix has the icon and the changelog, and vsce prints no warning", () => {
    const dir = packageCopy();
    const run = npmRunPackage(dir);
    assert.equal(run.code, 0, run.output);
    assert.doesNotMatch(run.output, /WARNING|::warning/);
    const entries = zipEntries(path.join(dir, VSIX));
    const manifest = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as Manifest;
    assert.ok(entries.includes(`extension/${manifest.icon}`), entries.join("\n"));
    assert.ok(entries.includes("extension/changelog.md"), entries.join("\n"));
    const { width, height } = pngSize(path.join(ROOT, manifest.icon));
    assert.ok(width >= 128 && height >= 128, `the icon is ${width}×${height}; the Marketplace wants at least 128×128`);
  });

  test("a vsce warning fails the command and is repeated at the end", () => {
    // A string extensionKind is one of the things vsce warns about and packages all the same.
    const dir = packageCopy((manifest) => {
      manifest.extensionKind = "workspace";
    });
    const run = npmRunPackage(dir);
    assert.equal(run.code, 1, run.output);
    assert.match(run.output, /vsce warned, so model-cards\.vsix is not ready for the Marketplace:\n {2}WARNING {2}The 'extensionKind' property/);
  });
});
