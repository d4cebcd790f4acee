import { useRef } from 'preact/hooks';
import { languageName } from '../i18n/format.ts';
import { t, uiLanguage } from '../i18n/i18n.ts';
import { CANNED_VARIABLES, insertVariable, LIMITS } from './canned-form.ts';
import { variableCode } from './canned-words.ts';

interface CannedBodyFieldProps {
  locale: string;
  text: string;
  onText: (text: string) => void;
  onBlur: () => void;
  onRemove: () => void;
  /** The problem to show under the box, in words. */
  problem: string | undefined;
}

/** The DOM id of a locale's textarea (tags hold only letters, digits and hyphens). */
export const bodyFieldId = (locale: string): string => `canned-body-${locale}`;

/**
 * One locale's text: a labelled textarea (`dir="auto"`, `lang` set so the right script's glyphs
 * are used), buttons that insert a variable at the caret, and its problem beside it.
 */
export function CannedBodyField({ locale, text, onText, onBlur, onRemove, problem }: CannedBodyFieldProps) {
  const box = useRef<HTMLTextAreaElement>(null);
  const id = bodyFieldId(locale);
  const name = languageName(locale, uiLanguage());

  const insert = (variable: string) => {
    const element = box.current;
    const next = insertVariable(text, element?.selectionStart ?? text.length, element?.selectionEnd ?? text.length, variable);
    // Written to the box at once (Preact leaves an equal value alone), so typing right after
    // the click lands after the variable, not before the next render.
    if (element) {
      element.value = next.text;
      element.focus();
      element.setSelectionRange(next.caret, next.caret);
    }
    onText(next.text);
  };

  return (
    <div class="cadmin-body" data-locale={locale}>
      <div class="cadmin-body-head">
        <label for={id}>
          {t('cannedAdmin.body', { language: name })} <span class="code">{locale}</span>
        </label>
        <button type="button" class="link" onClick={onRemove}>
          {t('cannedAdmin.removeLocale', { locale })}
        </button>
      </div>
      <textarea
        ref={box}
        id={id}
        name={id}
        dir="auto"
        lang={locale}
        rows={4}
        maxLength={LIMITS.bodyMax + 200}
        value={text}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onInput={(event) => onText(event.currentTarget.value)}
        onBlur={onBlur}
      />
      {problem ? (
        <p id={`${id}-problem`} class="field-problem">
          {problem}
        </p>
      ) : null}
      <div class="cadmin-vars" role="group" aria-label={t('cannedAdmin.insertGroup', { locale })}>
        {CANNED_VARIABLES.map((variable) => (
          <button key={variable} type="button" class="chip-button" aria-label={t('cannedAdmin.insert', { variable: variableCode(variable) })} onClick={() => insert(variable)}>
            <span dir="ltr">{variableCode(variable)}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
