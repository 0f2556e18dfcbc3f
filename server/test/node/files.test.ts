/**
 * readText, the one way the CLI and the Node server read a file: read at the size fstat gives, and
 * to the end when the file system reports no size.
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { after, test } from "node:test";
import { readText } from "../../src/node/files";

const dir = mkdtempSync(path.join(tmpdir(), "model-cards-read-"));
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

test("a card is read whole, multi-byte characters and BOM included", () => {
  const text = `\ufeff---\ntitle: 文心\n---\n- 📙Paper: ${"x".repeat(70_000)}\n- 🔑Public: ✅\n`;
  const file = path.join(dir, "card.md");
  writeFileSync(file, text);
  assert.equal(readText(file).text, text);
});

test("an empty file is read as empty text", () => {
  const file = path.join(dir, "empty.md");
  writeFileSync(file, "");
  assert.deepEqual(readText(file), { text: "" });
});

test("a file whose size the file system does not report (procfs) is read to its end", { skip: existsSync("/proc/self/status") ? false : "no /proc on this system" }, () => {
  const read = readText("/proc/self/status");
  assert.match(read.text ?? "", /^Name:/);
});
