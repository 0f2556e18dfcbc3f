/**
 * `npm run test:e2e [-- code-server | web | electron]`: runs the extension-host suite (built by
 * `node esbuild.mjs`) in a real VS Code. Without an argument it takes code-server where Debian's
 * Chromium is installed, since that works offline, and otherwise @vscode/test-electron, which
 * downloads VS Code. code-server runs the suite twice: in its Node extension host (the `main`
 * entry), then in its web worker extension host (the `browser` entry, as vscode.dev runs it);
 * `web` runs only the second.
 */
import { onPath, runWebWithCodeServer, runWithCodeServer } from "./codeServer";
import { runWithElectron } from "./electron";

const NODE_HOST = "VS Code served by code-server, in Chromium: the Node extension host";
const WEB_HOST = "VS Code served by code-server, in Chromium: the web worker extension host (the browser entry)";

/** Each runner's runs, in order: what it says it tests, and the run. */
const runners: Readonly<Record<string, readonly (readonly [string, () => Promise<number>])[]>> = {
  "code-server": [[NODE_HOST, runWithCodeServer], [WEB_HOST, runWebWithCodeServer]],
  web: [[WEB_HOST, runWebWithCodeServer]],
  electron: [["VS Code desktop (@vscode/test-electron)", runWithElectron]],
};

function pick(argument: string | undefined): string {
  if (argument === undefined) return onPath("chromium") ? "code-server" : "electron";
  if (Object.hasOwn(runners, argument)) return argument;
  throw new Error(`unknown runner "${argument}": use ${Object.keys(runners).join(" or ")}`);
}

async function main(): Promise<void> {
  for (const [where, run] of runners[pick(process.argv[2])]!) {
    console.log(`Extension-host tests in ${where}`);
    const code = await run();
    if (code !== 0) {
      console.error(`The extension-host tests failed in ${where} (exit code ${code})`);
      process.exitCode = code;
      return;
    }
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
