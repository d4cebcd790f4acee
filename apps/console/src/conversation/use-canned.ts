import { useEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { CannedReplyOption } from '@parley/protocol';
import { filterCanned, isPickable, slashQuery, stepOption } from './canned-filter.ts';

/** The canned-reply picker's state for the composer's text. */
export interface CannedPicker {
  isOpen: boolean;
  status: 'loading' | 'error' | 'ready';
  options: CannedReplyOption[];
  activeIndex: number;
  /** Arrow keys, Enter and Escape while the list is open; true when the key was the picker's. */
  onKeyDown: (event: JSX.TargetedKeyboardEvent<HTMLTextAreaElement>) => boolean;
  setActive: (index: number) => void;
}

/**
 * Opens on `/` at the start of the composer, filtering as the agent types. The replies are
 * fetched the first time it opens (the composer lives as long as the open conversation, so
 * that is once per conversation); Escape closes it until the text changes.
 */
export function useCanned(text: string, load: () => Promise<CannedReplyOption[]>, onPick: (option: CannedReplyOption) => void): CannedPicker {
  const [replies, setReplies] = useState<CannedReplyOption[] | 'loading' | 'error' | undefined>();
  const [activeKey, setActiveKey] = useState<string | undefined>();
  const [dismissedAt, setDismissedAt] = useState<string | undefined>();
  const loadRef = useRef(load);
  loadRef.current = load;
  const query = slashQuery(text);
  const isOpen = query !== undefined && dismissedAt !== text;
  useEffect(() => {
    if (!isOpen || replies !== undefined) return;
    setReplies('loading');
    loadRef.current().then(setReplies, () => setReplies('error'));
  }, [isOpen, replies]);

  const options = Array.isArray(replies) && query !== undefined ? filterCanned(replies, query) : [];
  const keyed = options.findIndex((option) => option.key === activeKey);
  const activeIndex = keyed >= 0 ? keyed : stepOption(options, -1, 1);
  const setActive = (index: number) => setActiveKey(options[index]?.key);

  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!isOpen || event.isComposing) return false;
    if (event.key === 'Escape') {
      event.preventDefault();
      setDismissedAt(text);
      // A failed fetch is tried again the next time the list opens.
      if (replies === 'error') setReplies(undefined);
      return true;
    }
    if (options.length === 0) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(stepOption(options, activeIndex, event.key === 'ArrowDown' ? 1 : -1));
      return true;
    }
    if (event.key === 'Enter' && !event.shiftKey && event.keyCode !== 229) {
      event.preventDefault();
      const option = options[activeIndex];
      if (option && isPickable(option)) onPick(option);
      return true;
    }
    return false;
  };

  const status = replies === 'error' ? 'error' : Array.isArray(replies) ? 'ready' : 'loading';
  return { isOpen, status, options, activeIndex, onKeyDown, setActive };
}
