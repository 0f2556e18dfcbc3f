/**
 * `npm run test:e2e [-- code-server | electron]`: runs the extension-host suite (built by `node esbuild.mjs`)
 * in a real VS Code. Without an argument it takes code-server where Debian's Chromium is installed,
 * since that works offline, and otherwise @vscode/test-electron, which downloads VS Code.
 */
import { onPath, runWithCodeServer } from "./codeServer";
import { runWithElectron } from "./electron";

const runners = { "code-server": runWithCodeServer, electron: runWithElectron };

function pick(argument: string | undefined): keyof typeof runners {
  if (argument === undefined) return onPath("chromium") ? "code-server" : "electron";
  if (Object.hasOwn(runners, argument)) return argument as keyof typeof runners;
  throw new Error(`unknown runner "${argument}": use ${Object.keys(runners).join(" or ")}`);
}

async function main(): Promise<void> {
  const runner = pick(process.argv[2]);
  console.log(`Extension-host tests in ${runner === "code-server" ? "VS Code served by code-server, in Chromium" : "VS Code desktop (@vscode/test-electron)"}`);
  const code = await runners[runner]();
  if (code !== 0) console.error(`The extension-host tests failed (exit code ${code})`);
  process.exitCode = code;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
