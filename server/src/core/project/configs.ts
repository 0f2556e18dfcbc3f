/**
 * The one owner of "which `.modelcards.yaml` applies to this file": the nearest one in the file's
 * folder or above it, within the workspace folder that holds the file (anywhere up to the file
 * system's root when there are no workspace folders, as for the CLI). One file applies; they are not
 * merged. Each folder is looked at once and remembered until a change to its config file.
 */
import { CONFIG_FILE, parseConfig, type Config } from "../config";
import { cardSchema, type CardKindSpec } from "../schema";
import { cardGlobMatcher, DEFAULT_SETTINGS, mergeSettings, type Settings } from "../settings";

export interface LoadedConfig {
  readonly uri: string;
  readonly text: string;
  readonly config: Config;
}

/** What applies to one file: the settings (editor's over the config's) and the card kinds. */
export interface Scope {
  readonly settings: Settings;
  readonly kinds: readonly CardKindSpec[];
  /** True when a card glob makes the file a card whatever its tags. */
  readonly isForcedCard: (uri: string) => boolean;
}

/** A scope, with its card globs compiled once. */
export const scopeOf = (settings: Settings, kinds: readonly CardKindSpec[] = cardSchema.kinds): Scope => ({ settings, kinds, isForcedCard: cardGlobMatcher(settings) });

export const isConfigFile = (uri: string): boolean => decodeURIComponent(uri).endsWith(`/${CONFIG_FILE}`);

const SCHEME = /^[a-z][a-z0-9+.-]*$/i;

/** Where the authority starts, after `scheme://`; -1 when the URI does not start with a scheme and `//`. */
function afterSchemeSlashes(uri: string): number {
  const colon = uri.indexOf("://");
  return colon > 0 && SCHEME.test(uri.slice(0, colon)) ? colon + 3 : -1;
}

/**
 * The folder of a URI (`file:///a/b.md` → `file:///a`); undefined at the root or for a URI without
 * a path (`untitled:x`). A query or fragment is not part of the path; trailing slashes name the same
 * folder. Found by index: it runs several times per file checked.
 */
export function parentOf(uri: string): string | undefined {
  const authority = afterSchemeSlashes(uri);
  if (authority < 0) return undefined;
  let end = uri.length;
  for (const mark of ["?", "#"]) {
    const at = uri.indexOf(mark, authority);
    if (at >= 0 && at < end) end = at;
  }
  const pathStart = uri.indexOf("/", authority);
  if (pathStart < 0 || pathStart >= end) return undefined;
  while (end > pathStart && uri.charCodeAt(end - 1) === 47) end--;
  const cut = uri.lastIndexOf("/", end - 1);
  return cut < pathStart ? undefined : uri.slice(0, cut);
}

const withoutSlash = (uri: string): string => uri.replace(/\/+$/, "");

export class ProjectConfigs {
  /** Per folder URI: the config file in it, null when it has none, a promise while it is read. */
  private readonly folders = new Map<string, LoadedConfig | null | Promise<LoadedConfig | null>>();
  /** Config files open in an editor: their text there wins over the disk's. */
  private readonly open = new Map<string, string>();
  private roots: readonly string[] = [];
  /** Per folder URI: the folders its files' config may be in, nearest first (10,000 cards share a few hundred folders). */
  private readonly chains = new Map<string, readonly string[]>();
  private editor: Settings = DEFAULT_SETTINGS;
  private fallback: Scope = scopeOf(DEFAULT_SETTINGS);
  private scopes = new WeakMap<LoadedConfig, Scope>();
  /**
   * The scope of the folder asked about last: a check asks for each file's scope twice or more (to
   * analyse it, then for its severities) and goes through a folder's files in a row, so this spares
   * walking the folders above it each time. Any change to what is read or in force forgets it.
   */
  private lastScope: { readonly folder: string; readonly scope: Scope } | undefined;

  constructor(private readonly readFile: (uri: string) => Promise<string | undefined>) {}

  /** The workspace folders; a file outside all of them looks up to the root. */
  setRoots(roots: readonly string[]): void {
    this.roots = roots.map(withoutSlash);
    this.folders.clear();
    this.chains.clear();
    this.lastScope = undefined;
  }

  /** The folders a file's config may be in, nearest first. */
  private candidates(uri: string): readonly string[] {
    const folder = parentOf(uri);
    if (folder === undefined) return [];
    let chain = this.chains.get(folder);
    if (chain === undefined) {
      const root = this.roots.filter((r) => folder === r || folder.startsWith(`${r}/`)).sort((a, b) => b.length - a.length)[0];
      const out: string[] = [];
      for (let dir: string | undefined = folder; dir !== undefined; dir = parentOf(dir)) {
        if (root !== undefined && dir.length < root.length) break;
        out.push(dir);
      }
      chain = out;
      this.chains.set(folder, chain);
    }
    return chain;
  }

  private load(dir: string): LoadedConfig | null | Promise<LoadedConfig | null> {
    const known = this.folders.get(dir);
    if (known !== undefined) return known;
    const uri = `${dir}/${CONFIG_FILE}`;
    const open = this.open.get(uri);
    const loaded = (text: string | undefined): LoadedConfig | null => (text === undefined ? null : { uri, text, config: parseConfig(text) });
    if (open !== undefined) return this.remember(dir, loaded(open));
    const reading: Promise<LoadedConfig | null> = this.readFile(uri).then((text) => (this.folders.get(dir) === reading ? this.remember(dir, loaded(text)) : this.load(dir)));
    this.folders.set(dir, reading);
    return reading;
  }

  private remember(dir: string, config: LoadedConfig | null): LoadedConfig | null {
    this.folders.set(dir, config);
    this.lastScope = undefined;
    return config;
  }

  /** The config that applies to the file, reading the folders above it that were not read yet. */
  async forFile(uri: string): Promise<LoadedConfig | undefined> {
    // Usually every folder above was read for an earlier file (the server's workspace scan asks
    // file by file): awaiting each one again cost 1.5–2 KB and a few microtasks a file.
    const known = this.known(uri);
    if (known !== "unknown") return known;
    for (const dir of this.candidates(uri)) {
      const config = await this.load(dir);
      if (config) return config;
    }
    return undefined;
  }

  /**
   * Reads the configs of many files, as the CLI does before checking them: what applies depends
   * only on a file's folder, so each folder is asked about once, not each of its files (on 10,000
   * cards, 4.6 µs a file of awaiting `forFile`'s answer from what was read already).
   */
  async forFiles(uris: readonly string[]): Promise<void> {
    const folders = new Set<string | undefined>();
    for (const uri of uris) {
      const folder = parentOf(uri);
      if (folders.has(folder)) continue;
      folders.add(folder);
      await this.forFile(uri);
    }
  }

  /**
   * The config that applies, from what was read already: `undefined` for none, `"unknown"` while a
   * folder above the file has not been read (`forFile` reads it).
   */
  known(uri: string): LoadedConfig | undefined | "unknown" {
    for (const dir of this.candidates(uri)) {
      const config = this.folders.get(dir);
      if (config === undefined || config instanceof Promise) return "unknown";
      if (config) return config;
    }
    return undefined;
  }

  /** Every config file read so far, for their own diagnostics. */
  loaded(): LoadedConfig[] {
    return [...this.folders.values()].filter((c): c is LoadedConfig => c !== null && !(c instanceof Promise));
  }

  /** A config file was edited in an editor (its text), or closed there or changed on disk (undefined): read it again when asked. */
  changed(uri: string, openText?: string): void {
    if (openText === undefined) this.open.delete(uri);
    else this.open.set(uri, openText);
    const dir = parentOf(uri);
    if (dir !== undefined) this.folders.delete(dir);
    this.lastScope = undefined;
  }

  /** The editor's own `modelCards.*` settings, which win over every config file's per code. */
  setEditorSettings(settings: Settings): void {
    this.editor = settings;
    this.fallback = scopeOf(settings);
    this.scopes = new WeakMap();
    this.lastScope = undefined;
  }

  /** What applies to the file now: its config (when read) under the editor's settings. */
  scopeFor(uri: string): Scope {
    const folder = parentOf(uri);
    if (folder !== undefined && this.lastScope?.folder === folder) return this.lastScope.scope;
    const scope = this.scopeOfKnown(this.known(uri));
    if (folder !== undefined) this.lastScope = { folder, scope };
    return scope;
  }

  private scopeOfKnown(loaded: LoadedConfig | undefined | "unknown"): Scope {
    if (loaded === undefined || loaded === "unknown") return this.fallback;
    let scope = this.scopes.get(loaded);
    if (!scope) {
      scope = scopeOf(mergeSettings(loaded.config.settings, this.editor), loaded.config.kinds);
      this.scopes.set(loaded, scope);
    }
    return scope;
  }
}
