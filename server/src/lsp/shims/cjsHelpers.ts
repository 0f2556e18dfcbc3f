/**
 * The module helpers of the CommonJS LSP libraries in the server bundles, once instead of in every
 * file that uses them (scripts/lspLibraries.mjs takes the files' own copies out; esbuild's `inject`
 * links the names here). TypeScript emits the same helpers as tslib exports, which is what its
 * `importHelpers` option would import.
 */
export { __createBinding, __exportStar, __importDefault, __importStar } from "tslib";

/** `Object.defineProperty(exports, name, { enumerable: true, get: function () { return m.x; } })`, shorter. */
export function __reexport(exports: object, name: string, get: () => unknown): void {
  Object.defineProperty(exports, name, { enumerable: true, get });
}
