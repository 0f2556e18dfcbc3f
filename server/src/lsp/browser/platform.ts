/**
 * The web-worker host of the server (`server/out/browser.js`, started by client/src/browser.ts):
 * messages come and go through the worker's own port, and the project is the client's (ClientHost).
 * esbuild.mjs puts this module in place of ../platform.ts in the browser bundle.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from "vscode-languageserver/browser";
import type { ProjectHost } from "../../core/project/host";
import type { ServerHostParams } from "../protocol";
import { DEFAULT_VALIDATE_DELAY_MS } from "../validateDelay";
import { ClientHost } from "../clientHost";

/** The worker's global scope, which is also its message port (the DOM and web worker types are not in this compilation). */
const port = globalThis as never;

export const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(port), new BrowserMessageWriter(port));

export const host: ProjectHost = new ClientHost(connection);

/** No environment to tune it from in a browser: the editor's pause. */
export const VALIDATE_DELAY_MS = DEFAULT_VALIDATE_DELAY_MS;

export const HOST_NAME: ServerHostParams["host"] = "browser";
