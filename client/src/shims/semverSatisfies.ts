/**
 * Stands in for `semver/functions/satisfies` in the client bundle: vscode-languageclient asks only
 * whether the VS Code version satisfies its caret range (`^1.91.0`). Any other range is refused
 * loudly rather than guessed.
 */
/** What `semverParse` returns (a module with `export =` cannot also export its type). */
interface Version {
  major: number;
  minor: number;
  patch: number;
  prerelease: string[];
}

function satisfies(version: Version, range: string): boolean {
  const m = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(range.trim());
  if (!m) throw new Error(`model-cards: unsupported version range ${range}`);
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (version.prerelease.length > 0 || version.major !== major) return false;
  return version.minor > minor || (version.minor === minor && version.patch >= patch);
}

// `export =`: the library calls `require("semver/functions/satisfies")(version, range)`.
export = satisfies;
