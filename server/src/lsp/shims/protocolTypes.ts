/**
 * What vscode-languageserver-protocol gets for `require("vscode-languageserver-types")` in the
 * server bundles (scripts/lspLibraries.mjs). The library is CommonJS: it re-exports the whole types
 * package, so esbuild would keep all of it (27 KiB minified) though the protocol reads only these
 * five at run time, and the core imports what it uses from "vscode-languageserver-types" itself.
 * server/test/lsp/lspLibraries.test.ts checks the libraries read nothing else and the server
 * imports no types value through "vscode-languageserver".
 */
export { DocumentUri, integer, uinteger, URI, WorkspaceFolder } from "vscode-languageserver-types";
