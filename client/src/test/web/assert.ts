/**
 * The part of `node:assert/strict` the extension-host tests use, for the web worker, which has no
 * Node modules: esbuild.mjs aliases "node:assert/strict" to this module in the web suite's bundle.
 * Equality is Node's strict kind: `Object.is` for values, structure and prototypes for objects.
 */

export class AssertionError extends Error {
  override name = "AssertionError";
}

function fail(message: string | undefined, fallback: () => string): never {
  throw new AssertionError(message ?? fallback());
}

const show = (value: unknown): string => {
  try {
    // JSON.stringify gives undefined for undefined and functions, whatever its type says.
    const json = JSON.stringify(value) as string | undefined;
    return json ?? String(value);
  } catch {
    return String(value);
  }
};

function deepStrictEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (a instanceof RegExp && b instanceof RegExp) return String(a) === String(b);
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  const recordB = b as Record<string, unknown>;
  return keysA.every((key) => Object.hasOwn(b, key) && deepStrictEqual((a as Record<string, unknown>)[key], recordB[key]));
}

function ok(value: unknown, message?: string): asserts value {
  if (!value) fail(message, () => `expected a truthy value, got ${show(value)}`);
}

const assert = {
  ok,
  equal<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
    if (!Object.is(actual, expected)) fail(message, () => `expected ${show(expected)}, got ${show(actual)}`);
  },
  deepEqual<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
    if (!deepStrictEqual(actual, expected)) fail(message, () => `expected ${show(expected)}, got ${show(actual)}`);
  },
  match(actual: string, pattern: RegExp, message?: string): void {
    if (!pattern.test(actual)) fail(message, () => `expected ${show(actual)} to match ${String(pattern)}`);
  },
};

export default assert;
