/**
 * Origin and path of an http(s) page, or nothing: the query and fragment may hold personal data
 * (emails, order tokens), and anything the gateway would refuse must not cost the handshake.
 */
export function pageWithoutQuery(pageUrl: string | undefined): string | undefined {
  if (!pageUrl) return undefined;
  try {
    const url = new URL(pageUrl);
    const page = `${url.origin}${url.pathname}`;
    return (url.protocol === 'https:' || url.protocol === 'http:') && page.length <= 2048 ? page : undefined;
  } catch {
    return undefined;
  }
}
