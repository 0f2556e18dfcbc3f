/**
 * The client bundle replaces semver and minimatch with small shims (esbuild.mjs): they must answer
 * what vscode-languageclient asks of them exactly as the libraries would.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { Minimatch } from "../../client/src/shims/minimatch";
import parse = require("../../client/src/shims/semverParse");
import satisfies = require("../../client/src/shims/semverSatisfies");
import semverParse = require("semver/functions/parse");
import semverSatisfies = require("semver/functions/satisfies");

describe("client bundle shims", () => {
  const versions = ["1.91.0", "1.100.3", "1.90.9", "2.0.0", "1.91.0-insider", "1.105.0-insider", "0.9.1", "v1.95.2", "not a version", "1.2"];
  test("parse reads VS Code versions as semver does", () => {
    for (const v of versions) {
      const ours = parse(v);
      const theirs = semverParse(v);
      assert.deepEqual(ours && { ...ours }, theirs && { major: theirs.major, minor: theirs.minor, patch: theirs.patch, prerelease: theirs.prerelease.map(String) }, v);
    }
  });

  test("satisfies answers the client's caret check as semver does", () => {
    for (const v of versions) {
      const version = parse(v);
      if (!version) continue;
      for (const range of ["^1.91.0", "^1.100.0", "^2.0.0"]) {
        assert.equal(satisfies(version, range), semverSatisfies(v, range), `${v} ${range}`);
      }
    }
    assert.throws(() => satisfies(parse("1.91.0")!, ">=1.91.0"), /unsupported version range/);
  });

  test("minimatch refuses instead of matching wrongly", () => {
    assert.throws(() => Minimatch("**/*.md"), /file-operation globs are not supported/);
  });
});
