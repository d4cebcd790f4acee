import type { Readable } from 'node:stream';

/**
 * The password given on stdin, without its one trailing newline (`echo`, `printf '%s\n'`,
 * a here-string). From a terminal it reads one line; the text is echoed, so prefer a pipe.
 */
export async function readPassword(stdin: Readable & { isTTY?: boolean }, prompt: (text: string) => void): Promise<string> {
  if (stdin.isTTY) prompt('Password (shown as you type; a pipe keeps it off the screen): ');
  let text = '';
  stdin.setEncoding('utf8');
  for await (const chunk of stdin) {
    text += String(chunk);
    if (stdin.isTTY && text.includes('\n')) break;
  }
  if (stdin.isTTY) text = text.slice(0, text.indexOf('\n') + 1);
  return text.replace(/\r?\n$/, '');
}
