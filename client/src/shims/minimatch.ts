/**
 * Stands in for `minimatch` in the client bundle. vscode-languageclient uses it only for the globs
 * of file-operation registrations (willRename, didCreate, …), which this server never makes; the
 * library and its dependencies are 28 KB of the bundle. Should a server ever register them, this
 * says so instead of matching wrongly.
 */
export function Minimatch(pattern: string): never {
  throw new Error(`model-cards: file-operation globs are not supported by this client (${pattern})`);
}
