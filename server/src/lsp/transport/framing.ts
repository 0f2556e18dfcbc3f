/**
 * Reads LSP's `Content-Length` framing, recovering from a wrong length instead of waiting forever.
 * vscode-jsonrpc trusts the header: one message with a length too large makes it wait for bytes
 * that never come, and every later message is swallowed into that wait; too small, and the rest
 * of the body is read as a broken header. Here a body that is not JSON is cut at the next header,
 * salvaged when the text up to there is a message, and reading goes on from that header.
 */
const HEADER_END = Buffer.from("\r\n\r\n", "ascii");
const LENGTH_HEADER = "content-length:";
/** Bytes of garbage without a header end kept at most: a header is a few dozen bytes. */
const MAX_HEADER_BYTES = 64 * 1024;

export interface Framed {
  /** Messages read, as parsed JSON. */
  readonly messages: unknown[];
  /** What went wrong on the way, to log: the connection goes on either way. */
  readonly problems: string[];
}

const parse = (bytes: Buffer): unknown => {
  try {
    return JSON.parse(bytes.toString("utf8")) as unknown;
  } catch {
    return undefined;
  }
};

/** The next `Content-Length` header's start in `buffer` at or after `from`, or -1. */
function nextHeader(buffer: Buffer, from: number): number {
  // Headers are ASCII; search case-insensitively as HTTP-style headers are.
  const lower = buffer.toString("latin1", from).toLowerCase();
  const at = lower.indexOf(LENGTH_HEADER);
  return at < 0 ? -1 : from + at;
}

/** Splits a byte stream into messages; feed it chunks with `push`, and `flush` when the stream has been quiet a while. */
export class Framer {
  private buffer: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Framed {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    return this.drain(false);
  }

  /** The stream went quiet with a message still incomplete: a length too large on the last message. Salvage what is there. */
  flush(): Framed {
    return this.drain(true);
  }

  /** True while bytes wait for the rest of their message. */
  get pending(): boolean {
    return this.buffer.length > 0;
  }

  private drain(quiet: boolean): Framed {
    const out: Framed = { messages: [], problems: [] };
    for (;;) {
      const headerEnd = this.buffer.indexOf(HEADER_END);
      if (headerEnd < 0) {
        if (this.buffer.length > MAX_HEADER_BYTES) this.skipTo(nextHeader(this.buffer, 1), out, "bytes without a message header");
        return out;
      }
      const length = /content-length:\s*(\d+)/i.exec(this.buffer.toString("latin1", 0, headerEnd))?.[1];
      const bodyStart = headerEnd + HEADER_END.length;
      if (length === undefined) {
        this.skipTo(nextHeader(this.buffer, 1), out, "a message header without a valid Content-Length");
        continue;
      }
      const bodyEnd = bodyStart + Number(length);
      const message = bodyEnd <= this.buffer.length ? parse(this.buffer.subarray(bodyStart, bodyEnd)) : undefined;
      if (message !== undefined) {
        out.messages.push(message);
        this.buffer = this.buffer.subarray(bodyEnd);
        continue;
      }
      // Not a message at the stated length: the body is not all here yet, or the length is wrong.
      // A large message arrives in many chunks: wait for it, and look for a cut only when the
      // stated length is here and is not JSON, or when the stream has gone quiet.
      if (bodyEnd > this.buffer.length && !quiet) return out;
      const next = nextHeader(this.buffer, bodyStart);
      if (next < 0 && !quiet) return out;
      const end = next < 0 ? this.buffer.length : next;
      const salvaged = parse(this.buffer.subarray(bodyStart, end));
      // With no header after it, a body that is not JSON may still be arriving (the server was busy
      // and the quiet timer fired first): wait for more rather than drop it.
      if (salvaged === undefined && next < 0) return out;
      if (salvaged === undefined) {
        out.problems.push(`dropped a message that is not JSON (Content-Length ${length}, ${end - bodyStart} bytes up to the next header)`);
      } else {
        out.messages.push(salvaged);
        out.problems.push(`a message said Content-Length ${length} but its JSON had ${end - bodyStart} bytes (up to the next header); read it all the same`);
      }
      this.buffer = this.buffer.subarray(end);
    }
  }

  private skipTo(next: number, out: Framed, what: string): void {
    out.problems.push(`skipped ${next < 0 ? this.buffer.length : next} bytes: ${what}`);
    this.buffer = next < 0 ? Buffer.alloc(0) : this.buffer.subarray(next);
  }
}
