/**
 * The module helpers of the CommonJS LSP libraries in the server bundles, once instead of in every
 * file that uses them (scripts/lspLibraries.mjs takes the files' own copies out; esbuild's `inject`
 * links the names here). TypeScript emits the same helpers as tslib exports, which is what its
 * `importHelpers` option would import.
 */
export { __createBinding, __exportStar, __importDefault, __importStar } from "tslib";

/** `Object.defineProperty(exports, name, { enumerable: true, get: function () { return module.name; } })`, shorter. */
export function __reexport(exports: object, module: Record<string, unknown>, name: string): void {
  Object.defineProperty(exports, name, { enumerable: true, get: () => module[name] });
}

/** `Object.defineProperty(exports, "__esModule", { value: true })`, shorter. */
export function __markEsModule(exports: object): void {
  Object.defineProperty(exports, "__esModule", { value: true });
}
