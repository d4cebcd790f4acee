import { useState } from 'preact/hooks';
import { languageName } from '../i18n/format.ts';
import { t, uiLanguage } from '../i18n/i18n.ts';
import { addableLocales } from './canned-form.ts';

interface AddLocaleProps {
  /** Locales that have a text already (not offered again). */
  used: readonly string[];
  onAdd: (locale: string) => void;
  /** "Add at least one locale", in words, when there is none. */
  problem: string | undefined;
}

/**
 * "Add locale": a select of Parley's 23 locales and the plain languages (a `de` text serves
 * every German locale), then a button. Not added on change: arrowing through a select fires it.
 */
export function AddLocale({ used, onAdd, problem }: AddLocaleProps) {
  const [choice, setChoice] = useState('');
  const lang = uiLanguage();
  const { locales, languages } = addableLocales(used);
  const option = (tag: string) => (
    <option key={tag} value={tag}>
      {`${languageName(tag, lang)} · ${tag}`}
    </option>
  );
  const add = () => {
    if (!choice || used.includes(choice)) return;
    onAdd(choice);
    setChoice('');
  };
  return (
    <div class="cadmin-add">
      <label for="canned-add-locale">{t('cannedAdmin.addLocale')}</label>
      <div class="cadmin-add-row">
        <select
          id="canned-add-locale"
          value={choice}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'canned-add-locale-problem' : undefined}
          onChange={(event) => setChoice(event.currentTarget.value)}
          onKeyDown={(event) => {
            // Enter in the select adds, as it would submit a one-field form.
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
        >
          <option value="">{t('cannedAdmin.chooseLocale')}</option>
          <optgroup label={t('cannedAdmin.groupLocales')}>{locales.map(option)}</optgroup>
          <optgroup label={t('cannedAdmin.groupLanguages')}>{languages.map(option)}</optgroup>
        </select>
        <button type="button" data-testid="canned-add-locale-button" disabled={!choice} onClick={add}>
          {t('cannedAdmin.addLocaleButton')}
        </button>
      </div>
      {problem ? (
        <p id="canned-add-locale-problem" class="field-problem">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
