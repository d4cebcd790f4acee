import { useEffect, useState } from 'preact/hooks';
import type { WidgetState, WidgetStore } from './widget-store.ts';

/** Subscribes a component to the widget store. */
export function useWidgetState(store: WidgetStore): WidgetState {
  const [state, setState] = useState(store.state);
  useEffect(() => store.subscribe(setState), [store]);
  return state;
}
