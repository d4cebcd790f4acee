import { flagsOf, withDirectory } from './cli-context.ts';
import type { CliContext } from './cli-context.ts';
import { UsageError } from './usage.ts';

/** `settings require-2fa on|off`: whether every agent must have two-factor sign-in to work. */
export async function requireTwoFactor(args: string[], context: CliContext): Promise<void> {
  const [value, ...rest] = args;
  if ((value !== 'on' && value !== 'off') || rest.length > 0) {
    flagsOf(rest, {}); // an unknown flag gets parseArgs's own message
    throw new UsageError('settings require-2fa takes on or off');
  }
  await withDirectory(context, async (directory) => {
    const settings = await directory.getSettings();
    await directory.setSettings({ ...settings, isTotpRequired: value === 'on' });
  });
  context.out(
    value === 'on'
      ? 'Two-factor sign-in is now required: agents without it must set it up at their next sign-in.'
      : 'Two-factor sign-in is now optional.',
  );
}
