/**
 * The runner for machines that can download VS Code: @vscode/test-electron fetches VS Code 1.100.3 (the
 * version code-server bundles, so both runners test one editor) and runs the suite in its desktop build.
 */
import { runTests, TestRunFailedError } from "@vscode/test-electron";
import { createSandbox, EXTENSION_TESTS, REPO_ROOT } from "./sandbox";

const VSCODE_VERSION = "1.100.3";

/** Runs the suite in desktop VS Code and returns its exit code; the spec reporter prints to this terminal. */
export async function runWithElectron(): Promise<number> {
  const sandbox = createSandbox();
  try {
    return await runTests({
      version: VSCODE_VERSION,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: EXTENSION_TESTS,
      launchArgs: [sandbox.workspace, "--disable-extensions", "--user-data-dir", sandbox.userData, "--extensions-dir", sandbox.extensions],
    });
  } catch (e) {
    // How runTests reports failed tests; the reporter has already said which.
    if (e instanceof TestRunFailedError) return e.code ?? 1;
    throw e;
  } finally {
    sandbox.remove();
  }
}
