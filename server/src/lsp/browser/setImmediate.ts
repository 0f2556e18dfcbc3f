/**
 * `setImmediate` for the web worker, which has none: the server yields to pending messages between
 * files of a workspace scan with it. A message to itself runs after the messages already queued,
 * as Node's check phase runs after I/O; `setTimeout(0)` would wait at least 4 ms per file in browsers.
 * esbuild.mjs injects it into the browser bundle only.
 */
export function setImmediate(callback: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    callback();
  };
  channel.port2.postMessage(undefined);
}

declare class MessageChannel {
  readonly port1: { onmessage: (() => void) | null; close(): void };
  readonly port2: { postMessage(message: unknown): void };
}
