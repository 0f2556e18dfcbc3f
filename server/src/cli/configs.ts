import { existsSync } from "node:fs";
import * as path from "node:path";
import { CONFIG_FILE, parseConfig, type Config } from "../core/config";
import { CardService } from "../core/service";
import { DEFAULT_MAX_FILE_MB, MB, UsageError } from "./args";
import { readText } from "./inputs";

/** The settings in force for some files: from a config file, or the defaults when there is none. */
export interface LoadedConfig {
  /** The config file, or undefined for the defaults. */
  readonly path: string | undefined;
  readonly text: string;
  readonly config: Config;
  /** Why the file could not be read, when it could not. */
  readonly failure: string | undefined;
  /** A service configured with these settings, shared by every file they govern. */
  readonly service: CardService;
}

function load(file: string | undefined): LoadedConfig {
  const read = file === undefined ? { text: "" } : readText(file, DEFAULT_MAX_FILE_MB * MB);
  const text = read.text ?? "";
  const config = parseConfig(text);
  const service = new CardService();
  service.configure(config.settings, config.kinds);
  return { path: file, text, config, failure: read.failure, service };
}

/**
 * Finds the config of each checked file: `--config` when given, else the nearest `.modelcards.yaml`
 * in the file's folder or above it (one file, no merging, as the editor will read it). Each config
 * is read once.
 */
export class ConfigFinder {
  private readonly loaded = new Map<string, LoadedConfig>();
  private readonly nearest = new Map<string, string | undefined>();
  private readonly explicit: string | undefined;

  constructor(cwd: string, explicit: string | undefined) {
    this.explicit = explicit === undefined ? undefined : path.resolve(cwd, explicit);
    if (this.explicit !== undefined && !existsSync(this.explicit)) throw new UsageError(`no such config file: ${explicit!}`);
  }

  /** The config for a file (which need not exist: standard input is named after one). */
  forFile(file: string): LoadedConfig {
    const found = this.explicit ?? this.find(path.dirname(file));
    const key = found ?? "";
    let config = this.loaded.get(key);
    if (!config) {
      config = load(found);
      this.loaded.set(key, config);
    }
    return config;
  }

  /** Every config file read so far (not the defaults). */
  files(): LoadedConfig[] {
    return [...this.loaded.values()].filter((c) => c.path !== undefined);
  }

  private find(dir: string): string | undefined {
    if (this.nearest.has(dir)) return this.nearest.get(dir);
    const candidate = path.join(dir, CONFIG_FILE);
    const parent = path.dirname(dir);
    const found = existsSync(candidate) ? candidate : parent === dir ? undefined : this.find(parent);
    this.nearest.set(dir, found);
    return found;
  }
}
