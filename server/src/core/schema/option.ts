import type { OptionSpec } from "./types";

/** Shorthand for the many options the schema lists; keeps the data readable as a table. */
export function opt(label: string, description: string, example?: string, aliases?: readonly string[]): OptionSpec {
  return {
    label,
    help: example === undefined ? { description } : { description, example },
    ...(aliases ? { aliases } : {}),
  };
}
