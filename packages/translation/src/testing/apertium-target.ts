/**
 * The real Apertium the live tests use (started by test/global-setup.ts), or null with a reason.
 * Under CI it must exist: a missing engine fails the run instead of skipping it. Elsewhere the
 * tests skip with one line saying why.
 */
export function apertiumTarget(url: string | null, skipReason: string): string | null {
  if (url) return url;
  if (process.env['CI']) throw new Error(`Apertium tests must run in CI but cannot: ${skipReason}`);
  console.warn(`Skipping Apertium tests: ${skipReason}`);
  return null;
}
