/**
 * Stands in for `semver/functions/parse` in the client bundle. vscode-languageclient needs semver
 * only to check the VS Code version once at start-up; the whole library is 20 KB of the bundle.
 * It reads `major.minor.patch[-prerelease]`, as VS Code's versions are written.
 */
interface Version {
  major: number;
  minor: number;
  patch: number;
  prerelease: string[];
}

function parse(version: string): Version | null {
  const m = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(version.trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), prerelease: m[4] ? m[4].split(".") : [] } : null;
}

// `export =`: the library calls `require("semver/functions/parse")(version)`, a CommonJS function export.
export = parse;
