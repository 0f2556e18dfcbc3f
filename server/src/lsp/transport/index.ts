/**
 * The server's end of the connection: stdio with framing that recovers from a wrong
 * `Content-Length` (framing.ts) and a message's writes batched per turn (writer.ts), or VS Code's IPC; on both, a gate that answers what the protocol
 * says about requests before `initialize` and after `shutdown`, which the library answers with
 * `null` and lets through.
 */
import { AbstractMessageReader, ErrorCodes, IPCMessageReader, IPCMessageWriter, type DataCallback, type Disposable, type Message, type MessageReader, type MessageWriter } from "vscode-languageserver/node";
import { Framer, type Framed } from "./framing";
import { BatchingStreamWriter } from "./writer";

/** How long a message may stay incomplete with nothing more arriving before it is read as it is. */
const QUIET_MS = 1000;

/** Reads framed messages from a stream, logging (never hiding) what it had to recover from. */
class FramedStreamReader extends AbstractMessageReader {
  constructor(
    private readonly stream: NodeJS.ReadableStream,
    private readonly log: (message: string) => void,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    const framer = new Framer();
    let timer: NodeJS.Timeout | undefined;
    const deliver = (framed: Framed): void => {
      for (const problem of framed.problems) this.log(`Model Cards: ${problem}`);
      for (const message of framed.messages) callback(message as Message);
      if (framer.pending) timer = setTimeout(() => { deliver(framer.flush()); }, QUIET_MS).unref();
    };
    const onData = (chunk: Buffer): void => {
      clearTimeout(timer);
      deliver(framer.push(chunk));
    };
    this.stream.on("data", onData);
    this.stream.on("error", (e: Error) => { this.fireError(e); });
    this.stream.on("close", () => { this.fireClose(); });
    return {
      dispose: () => {
        this.stream.off("data", onData);
        clearTimeout(timer);
      },
    };
  }
}

type Phase = "starting" | "running" | "shut down";

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null;

/**
 * Lets messages through as the lifecycle allows: before `initialize`, requests get
 * ServerNotInitialized (-32002) and notifications other than `exit` are dropped; after
 * `shutdown`, requests get InvalidRequest and notifications other than `exit` are dropped (so a
 * late didOpen publishes nothing).
 */
class LifecycleGate extends AbstractMessageReader {
  phase: Phase = "starting";

  constructor(
    private readonly inner: MessageReader,
    private readonly writer: MessageWriter,
  ) {
    super();
    inner.onError((e) => { this.fireError(e); });
    inner.onClose(() => { this.fireClose(); });
    inner.onPartialMessage((info) => { this.firePartialMessage(info); });
  }

  listen(callback: DataCallback): Disposable {
    return this.inner.listen((message) => {
      const m: unknown = message;
      const method = isObject(m) && typeof m.method === "string" ? m.method : undefined;
      if (method === undefined || method === "exit" || this.phase === "running" || (this.phase === "starting" && method === "initialize")) {
        if (method === "initialize") this.phase = "running";
        else if (method === "shutdown") this.phase = "shut down";
        callback(message);
        return;
      }
      // Only requests are answered; a notification out of its time is dropped.
      if (!isObject(m) || !("id" in m)) return;
      const error = this.phase === "starting"
        ? { code: ErrorCodes.ServerNotInitialized, message: `The server is not initialized: send initialize before ${method}.` }
        : { code: ErrorCodes.InvalidRequest, message: `The server is shut down: only exit is accepted, not ${method}.` };
      void this.writer.write({ jsonrpc: "2.0", id: m.id, error } as Message);
    });
  }
}

/**
 * The reader and writer for the transport the command line names (`--stdio` or `--node-ipc`), or
 * undefined for the others (sockets, pipes), which the library sets up itself.
 */
export function transport(argv: readonly string[]): [MessageReader, MessageWriter] | undefined {
  let reader: MessageReader;
  let writer: MessageWriter;
  if (argv.includes("--stdio")) {
    const stdout = new BatchingStreamWriter(process.stdout);
    // `exit` ends the process at once: what was written in its turn goes out first.
    process.on("exit", () => { stdout.flush(); });
    writer = stdout;
    reader = new FramedStreamReader(process.stdin, (message) => process.stderr.write(`${message}\n`));
  } else if (argv.includes("--node-ipc")) {
    writer = new IPCMessageWriter(process);
    reader = new IPCMessageReader(process);
  } else {
    return undefined;
  }
  const gate = new LifecycleGate(reader, writer);
  // The library exits when stdin ends only for streams it opened itself: do it here, with its codes.
  if (argv.includes("--stdio")) process.stdin.on("end", () => process.exit(gate.phase === "shut down" ? 0 : 1));
  return [gate, writer];
}
