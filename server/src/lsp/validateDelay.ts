/**
 * How long the server waits after an edit before checking the document. Typing produces a change per
 * keystroke; checking after a short pause avoids work the next key discards. Whoever spawns the
 * server may change the pause with an environment variable: it is a knob for benchmarks and tests,
 * which measure the checking itself with 0, not a user setting, so it stays out of the settings.
 */
export const VALIDATE_DELAY_ENV = "MODEL_CARDS_VALIDATE_DELAY_MS";

export const DEFAULT_VALIDATE_DELAY_MS = 100;

/** The pause in milliseconds; anything but a whole number ≥ 0 keeps the default, so a typo never disables the debounce. */
export function validateDelayMs(env: Readonly<Record<string, string | undefined>>): number {
  const raw = env[VALIDATE_DELAY_ENV]?.trim();
  if (raw === undefined || !/^\d+$/.test(raw)) return DEFAULT_VALIDATE_DELAY_MS;
  return Number(raw);
}
