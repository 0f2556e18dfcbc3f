/**
 * The npm package, what pre-commit installs: the CLI's bundles and the schemas. The CLI would still
 * run without its reader worker (it reads on its own thread then), so only this listing notices
 * one left out.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { test } from "node:test";

const ROOT = path.resolve(__dirname, "../../..");

test("npm pack takes the CLI, the worker it reads files on, and the schemas", () => {
  const pack = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  assert.equal(pack.status, 0, pack.stderr);
  const files = (JSON.parse(pack.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
  for (const file of ["server/out/cli.js", "server/out/readerWorker.js", "server/schemas/modelcards.schema.json", "package.json"]) assert.ok(files.includes(file), `${file} is not in the package: ${files.join(", ")}`);
  assert.ok(!files.some((f) => f.startsWith("server/src/") || f.endsWith(".map")), "no sources or source maps");
});
