#!/usr/bin/env node
// The `model-cards` command (package.json `bin`), bundled to server/out/cli.js.
import { buffer } from "node:stream/consumers";
import { run } from "./run";

// `model-cards check … | head` closes the pipe before the output ends: stop quietly, as command-line
// tools do, instead of dying on the unhandled EPIPE with a stack trace.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code !== "EPIPE") process.stderr.write(`model-cards: cannot write the output: ${e.message}\n`);
  process.exit(e.code === "EPIPE" ? undefined : 2);
});

const io = {
  cwd: process.cwd(),
  stdout: (chunk: string | Uint8Array) => process.stdout.write(chunk),
  stderr: (chunk: string) => process.stderr.write(chunk),
  readStdin: () => buffer(process.stdin),
};

run(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // run() turns every expected failure into a message; this is a bug, said in one line, not a stack trace.
    process.stderr.write(`model-cards: internal error, please report: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
