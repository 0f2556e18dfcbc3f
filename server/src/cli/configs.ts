import { existsSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { parseConfig, type Config } from "../core/config";
import { ProjectConfigs } from "../core/project/configs";
import { CardService } from "../core/service";
import { readText } from "../node/files";
import { UsageError } from "./args";
import { uriOf } from "./check";

/** A config file the checked files use, as read. */
export interface LoadedConfig {
  readonly path: string;
  readonly text: string;
  readonly config: Config;
  /** Why the file could not be read, when it could not. */
  readonly failure: string | undefined;
}

/** The URI standard input is checked as when no `--stdin-filename` names it (an untitled document). */
export const STDIN_URI = "untitled:stdin";

/**
 * The configs of the checked files: `--config` when given, else for each file the one the core's
 * `ProjectConfigs` finds (the nearest `.modelcards.yaml` at or above it, as the editor finds it).
 * One service checks every file, each with the settings of its own config.
 */
export class ConfigFinder {
  readonly service = new CardService();
  private readonly explicit: string | undefined;
  private explicitConfig: LoadedConfig | undefined;
  /** Config files that exist but could not be read: checking stops at them. */
  private readonly failures = new Map<string, string>();
  private readonly configs = new ProjectConfigs((uri) => Promise.resolve(this.read(fileURLToPath(uri))));
  /** Config files' paths by URI: asked once per checked file, and thousands of files share a few configs. */
  private readonly paths = new Map<string, string>();
  /** Standard input without a name is checked with the config of the working folder. */
  private readonly stdinAt: string;

  constructor(cwd: string, explicit: string | undefined) {
    this.explicit = explicit === undefined ? undefined : path.resolve(cwd, explicit);
    if (this.explicit !== undefined && !existsSync(this.explicit)) throw new UsageError(`no such config file: ${explicit!}`);
    this.stdinAt = uriOf(path.join(cwd, "<stdin>"));
  }

  /** A config file's text; undefined when there is none; empty, with its failure kept, when it cannot be read. */
  private read(file: string): string | undefined {
    const read = readText(file);
    if (read.failure === undefined) return read.text;
    if (!existsSync(file)) return undefined;
    this.failures.set(file, read.failure);
    return "";
  }

  /** Reads the configs of the files, by the URIs they are checked as, and puts them in force. */
  async load(uris: readonly string[]): Promise<void> {
    if (this.explicit !== undefined) {
      if (this.explicitConfig) return;
      const text = this.read(this.explicit) ?? "";
      const config = parseConfig(text);
      this.explicitConfig = { path: this.explicit, text, config, failure: this.failures.get(this.explicit) };
      this.service.configure(config.settings, config.kinds);
      return;
    }
    await this.configs.forFiles(uris.map((uri) => this.located(uri)));
    this.service.useScopes((uri) => this.configs.scopeFor(this.located(uri)));
  }

  private located(uri: string): string {
    return uri === STDIN_URI ? this.stdinAt : uri;
  }

  /** The path of the config file that applies to a file loaded before, or undefined when none does. */
  configPathOf(uri: string): string | undefined {
    if (this.explicit !== undefined) return this.explicit;
    const config = this.configs.known(this.located(uri));
    if (config === undefined || config === "unknown") return undefined;
    let file = this.paths.get(config.uri);
    if (file === undefined) {
      file = fileURLToPath(config.uri);
      this.paths.set(config.uri, file);
    }
    return file;
  }

  /** Every config file in use. */
  files(): LoadedConfig[] {
    if (this.explicitConfig) return [this.explicitConfig];
    return this.configs.loaded().map((c) => {
      const file = fileURLToPath(c.uri);
      return { path: file, text: c.text, config: c.config, failure: this.failures.get(file) };
    });
  }
}
