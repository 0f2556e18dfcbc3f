/**
 * What vscode-languageserver-protocol gets for `require("vscode-languageserver-types")` in the
 * server bundles (esbuild.mjs). The library is CommonJS: it re-exports the whole types package,
 * so esbuild keeps all of it (27 KB minified) though the protocol reads only these five at run time
 * and the core imports the rest from "vscode-languageserver-types" itself, which esbuild tree-shakes.
 * server/test/lsp/protocolTypes.test.ts checks the libraries read nothing else and the server
 * imports no types value through "vscode-languageserver".
 */
export { DocumentUri, integer, uinteger, URI, WorkspaceFolder } from "vscode-languageserver-types";
