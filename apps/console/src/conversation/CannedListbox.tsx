import { useEffect } from 'preact/hooks';
import { neutraliseBidi } from '@parley/protocol/display-text';
import type { CannedReplyOption } from '@parley/protocol';
import { t } from '../i18n/i18n.ts';
import { isPickable } from './canned-filter.ts';
import { variableLabel } from './translation-errors.ts';

/** The listbox's id, for the composer's `aria-controls`. */
export const CANNED_LISTBOX_ID = 'canned-listbox';
/** An option's element id, for the composer's `aria-activedescendant`. */
export const cannedOptionId = (key: string) => `canned-opt-${key}`;

interface CannedListboxProps {
  status: 'loading' | 'error' | 'ready';
  options: CannedReplyOption[];
  activeIndex: number;
  /** The conversation's language: the shopper's version of each reply is written in it. */
  shopperLang: string | undefined;
  onPick: (option: CannedReplyOption) => void;
  onHover: (index: number) => void;
}

/** The label of how a reply's shopper version exists. */
export function cannedBadge(option: CannedReplyOption): string {
  return option.source === 'native' ? t('canned.native') : option.source === 'machine' ? t('canned.machine') : t('canned.unavailable');
}

/**
 * The `/` picker's list. Focus stays in the composer (the ARIA combobox pattern: the active
 * option is `aria-activedescendant`); a pointer picks without taking focus away either.
 */
export function CannedListbox({ status, options, activeIndex, shopperLang, onPick, onHover }: CannedListboxProps) {
  const activeKey = options[activeIndex]?.key;
  useEffect(() => {
    if (activeKey) document.getElementById(cannedOptionId(activeKey))?.scrollIntoView?.({ block: 'nearest' });
  }, [activeKey]);
  const message = status === 'loading' ? t('canned.loading') : status === 'error' ? t('canned.error') : options.length === 0 ? t('canned.empty') : '';
  return (
    <div class="canned-popup">
      <ul role="listbox" id={CANNED_LISTBOX_ID} aria-label={t('canned.label')} data-testid="canned-listbox">
        {options.map((option, index) => {
          const isEnabled = isPickable(option);
          const shopperText = option.shopperText && option.shopperText !== option.preview ? option.shopperText : undefined;
          return (
            <li
              key={option.key}
              id={cannedOptionId(option.key)}
              role="option"
              class={index === activeIndex ? 'canned-option active' : 'canned-option'}
              aria-selected={index === activeIndex}
              aria-disabled={!isEnabled}
              data-testid="canned-option"
              data-key={option.key}
              onMouseDown={(event) => event.preventDefault()}
              onMouseMove={() => index !== activeIndex && onHover(index)}
              onClick={() => isEnabled && onPick(option)}
            >
              <span class="canned-head">
                <span class="canned-title" dir="auto">{neutraliseBidi(option.title)}</span>
                <span class={`chip source ${option.source}`}>{cannedBadge(option)}</span>
                {option.missing?.length ? <span class="chip needs">{t('canned.needs', { fields: option.missing.map(variableLabel).join(', ') })}</span> : null}
              </span>
              <span class="canned-preview" dir="auto">{neutraliseBidi(option.preview)}</span>
              {shopperText ? (
                <span class="canned-shopper" dir="auto" lang={shopperLang}>
                  {neutraliseBidi(shopperText)}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
      <p class="canned-status" role="status">
        {message}
      </p>
    </div>
  );
}
