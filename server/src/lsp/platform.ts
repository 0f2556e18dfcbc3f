/**
 * The Node host of the server (`server/out/server.js`, run by VS Code over IPC or by any LSP client
 * with `--stdio`): the connection, and the project: folders on disk read directly, any other
 * (a virtual workspace) through the client. The web worker's counterpart is ./browser/platform.ts,
 * which esbuild puts in its place in the browser bundle.
 */
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import type { ProjectHost } from "../core/project/host";
import { conserveHeap } from "../node/heap";
import { NodeHost } from "../node/host";
import { ClientHost } from "./clientHost";
import { transport } from "./transport";
import type { ServerHostParams } from "./protocol";
import { validateDelayMs } from "./validateDelay";

conserveHeap();

// stdio gets framing that survives a wrong Content-Length (./transport); IPC is as the library has it.
const io = transport(process.argv);
export const connection = io ? createConnection(ProposedFeatures.all, ...io) : createConnection(ProposedFeatures.all);

const disk = new NodeHost();
const editor = new ClientHost(connection);
const hostOf = (uri: string): ProjectHost => (uri.startsWith("file:") ? disk : editor);

export const host: ProjectHost = {
  now: () => disk.now(),
  listMarkdown: (folder, token) => hostOf(folder).listMarkdown(folder, token),
  readFile: (uri, maxBytes) => hostOf(uri).readFile(uri, maxBytes),
};

export const VALIDATE_DELAY_MS = validateDelayMs(process.env);

export const HOST_NAME: ServerHostParams["host"] = "node";
