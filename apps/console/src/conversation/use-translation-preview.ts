import { useEffect, useRef, useState } from 'preact/hooks';

/** The preview line's state: nothing to show, waiting (with the last text), the text, or a failure. */
export type PreviewState = { status: 'idle' } | { status: 'loading'; text?: string | undefined } | { status: 'ready'; text: string } | { status: 'error' };

const IDLE: PreviewState = { status: 'idle' };

/**
 * What the shopper would read of `source`, fetched `delayMs` after the agent stops typing (a
 * request per keystroke would spend the site's characters); answers to older text are dropped.
 */
export function useTranslationPreview(source: string | undefined, fetchPreview: (text: string) => Promise<string>, delayMs = 500): PreviewState {
  const [state, setState] = useState<PreviewState>(IDLE);
  const latest = useRef(0);
  const fetchRef = useRef(fetchPreview);
  fetchRef.current = fetchPreview;
  useEffect(() => {
    const request = ++latest.current;
    if (source === undefined || !source.trim()) {
      setState(IDLE);
      return;
    }
    setState((current) => ({ status: 'loading', text: current.status === 'ready' || current.status === 'loading' ? current.text : undefined }));
    const timer = setTimeout(() => {
      fetchRef.current(source).then(
        (text) => request === latest.current && setState({ status: 'ready', text }),
        () => request === latest.current && setState({ status: 'error' }),
      );
    }, delayMs);
    return () => clearTimeout(timer);
  }, [source, delayMs]);
  return state;
}
