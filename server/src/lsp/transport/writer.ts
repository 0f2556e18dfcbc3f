/**
 * Writes messages to stdout framed as LSP says, every message of one turn of the event loop in one
 * write. The library's StreamMessageWriter writes a message's header and body apart, each through a
 * promise chain: checking a workspace of 10,000 cards publishes 10,000 diagnostics, and their
 * 20,000 writes (each a system call, stdout being a blocking pipe on Linux) took 550 ms of the
 * server's 4.3 s, more than a third of what it spent outside the analysis and reading. Sent at
 * the end of the turn, a notification waits at most for the work of that turn: a request's
 * handler, or one slice of the workspace scan. An answer to a request leaves at once, with what
 * was written before it: during the start-up scan, waiting for the next slice made completion's
 * round trip 8 ms longer.
 */
import { AbstractMessageWriter, Message, type MessageWriter } from "vscode-languageserver/node";

/** The messages of one turn, and the promise each `write` of them returns. */
interface Batch {
  readonly frames: string[];
  readonly written: Promise<void>;
  readonly settle: (error: Error | null | undefined) => void;
}

function newBatch(): Batch {
  let settle: Batch["settle"] = () => undefined;
  const written = new Promise<void>((resolve, reject) => {
    settle = (error) => {
      if (error) reject(error);
      else resolve();
    };
  });
  return { frames: [], written, settle };
}

export class BatchingStreamWriter extends AbstractMessageWriter implements MessageWriter {
  private batch: Batch | undefined;

  constructor(private readonly stream: NodeJS.WritableStream) {
    super();
    stream.on("error", (e: Error) => { this.fireError(e); });
    stream.on("close", () => { this.fireClose(); });
  }

  write(message: Message): Promise<void> {
    const body = JSON.stringify(message);
    if (!this.batch) {
      this.batch = newBatch();
      setImmediate(() => { this.flush(); });
    }
    const { frames, written } = this.batch;
    frames.push(`Content-Length: ${Buffer.byteLength(body, "utf8")}\r\n\r\n${body}`);
    if (Message.isResponse(message)) this.flush();
    return written;
  }

  /** Writes out the messages waiting: at the end of the turn, or sooner for an answer or when the process exits. */
  flush(): void {
    const batch = this.batch;
    if (!batch) return;
    this.batch = undefined;
    this.stream.write(batch.frames.join(""), "utf8", (error) => {
      if (error) this.fireError(error);
      batch.settle(error);
    });
  }

  end(): void {
    this.flush();
    this.stream.end();
  }
}
