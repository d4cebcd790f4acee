import { useEffect, useState } from 'preact/hooks';
import type { WidgetState, WidgetStore } from './widget-store.ts';

/**
 * Subscribes a component to the widget store. Effects run after the first render, and the
 * loader replays queued commands (a click that arrived before the app loaded) right after
 * mounting, so the state is read again on subscribing: an update in between is not lost.
 */
export function useWidgetState(store: WidgetStore): WidgetState {
  const [state, setState] = useState(store.state);
  useEffect(() => {
    setState(store.state);
    return store.subscribe(setState);
  }, [store]);
  return state;
}
