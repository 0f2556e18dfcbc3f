/**
 * The Node host of the server (`server/out/server.js`, run by VS Code over IPC or by any LSP client
 * with `--stdio`): the connection, and the project on disk. The web worker's counterpart is
 * ./browser/platform.ts, which esbuild puts in its place in the browser bundle.
 */
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import type { ProjectHost } from "../core/project/host";
import { NodeHost } from "../node/host";
import { validateDelayMs } from "./validateDelay";

export const connection = createConnection(ProposedFeatures.all);

export const host: ProjectHost = new NodeHost();

export const VALIDATE_DELAY_MS = validateDelayMs(process.env);
