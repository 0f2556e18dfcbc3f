import { globSource } from "./project/glob";
import { CODES, type Code, type Severity } from "./rules/codes";

export type SeverityLevel = Severity | "off";

/** The user's settings, as the client sends them (`modelCards.*`); the CLI reads the same shape. */
export interface Settings {
  /** Per-code severity overrides; codes not listed keep their default. */
  readonly severity: Readonly<Partial<Record<string, SeverityLevel>>>;
  /** Globs of markdown files to treat as cards even without a card tag. */
  readonly cardGlobs: readonly string[];
}

export const DEFAULT_SETTINGS: Settings = { severity: {}, cardGlobs: [] };

export const LEVELS: readonly SeverityLevel[] = ["error", "warning", "information", "hint", "off"];

/** Accepts whatever the client sends and keeps only well-formed entries, so a typo in settings.json never breaks checking. */
export function normalizeSettings(raw: unknown): Settings {
  const obj = (raw ?? {}) as { severity?: unknown; cardGlobs?: unknown };
  const severity: Record<string, SeverityLevel> = {};
  if (obj.severity && typeof obj.severity === "object") {
    for (const [code, level] of Object.entries(obj.severity as Record<string, unknown>)) {
      if (Object.hasOwn(CODES, code) && LEVELS.includes(level as SeverityLevel)) severity[code] = level as SeverityLevel;
    }
  }
  const cardGlobs = Array.isArray(obj.cardGlobs) ? obj.cardGlobs.filter((g): g is string => typeof g === "string" && g.trim() !== "") : [];
  return { severity, cardGlobs };
}

export function severityOf(settings: Settings, code: Code): SeverityLevel {
  return settings.severity[code] ?? CODES[code].severity;
}

/** The path of a URI, for glob matching (`file:///a/b.md` → `/a/b.md`; other schemes keep their path). */
function uriPath(uri: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/.*)$/i.exec(uri);
  return decodeURIComponent(m ? m[1]! : uri);
}

/**
 * Compiles the card globs once per settings change. A glob matches the absolute path or any of its
 * trailing parts, so `_posts/*.md` works without knowing the workspace root.
 */
export function cardGlobMatcher(settings: Settings): (uri: string) => boolean {
  if (settings.cardGlobs.length === 0) return () => false;
  // `(?:.*/)?` tries every trailing part at once: the whole path, then after each `/`.
  const regexp = new RegExp(`^(?:.*/)?(?:${settings.cardGlobs.map((glob) => globSource(glob, { dot: true })).join("|")})$`);
  return (uri) => regexp.test(uriPath(uri));
}

/**
 * The settings in force when a project config file and the editor both set some: the editor's
 * severities win per code (the user's own choice), and the card globs of both apply.
 */
export function mergeSettings(project: Settings, editor: Settings): Settings {
  return { severity: { ...project.severity, ...editor.severity }, cardGlobs: [...project.cardGlobs, ...editor.cardGlobs] };
}
