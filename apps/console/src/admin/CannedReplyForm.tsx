import { useEffect, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { t } from '../i18n/i18n.ts';
import type { CannedAdminApi, SiteCannedReply } from './canned-api.ts';
import { CANNED_VARIABLES, draftPayload, draftProblems, LIMITS, serverFieldProblem } from './canned-form.ts';
import type { Draft, FieldProblem, Problems } from './canned-form.ts';
import { problemText, refusalText, variableCode } from './canned-words.ts';
import { AddLocale } from './AddLocale.tsx';
import { bodyFieldId, CannedBodyField } from './CannedBodyField.tsx';

interface CannedReplyFormProps {
  api: CannedAdminApi;
  siteKey: string;
  initial: Draft;
  /** Keys the site has already (a new reply may not take one). */
  taken: readonly string[];
  onSaved: (reply: SiteCannedReply) => void;
  onCancel: () => void;
  onSessionOver: (notice: string) => void;
}

const fieldId = (field: string) => (field === 'key' ? 'canned-key' : field === 'title' ? 'canned-title' : field === 'bodies' ? 'canned-add-locale' : bodyFieldId(field.slice('bodies.'.length)));

/**
 * The editor for one reply: key (new replies only, checked as typed), title, a text per locale
 * with "Add locale". Problems show once a field was left or a save was tried, except those
 * that are never a matter of "not finished yet" (a bad key, an unknown variable), shown at once.
 */
export function CannedReplyForm({ api, siteKey, initial, taken, onSaved, onCancel, onSessionOver }: CannedReplyFormProps) {
  const [draft, setDraft] = useState<Draft>(initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [isSubmitted, setSubmitted] = useState(false);
  const [server, setServer] = useState<Problems>({});
  const [refusal, setRefusal] = useState<string | undefined>();
  const [isBusy, setBusy] = useState(false);
  // The first field to fill: the key of a new reply, the title of one being edited.
  useEffect(() => document.getElementById(initial.isNew ? 'canned-key' : 'canned-title')?.focus(), []);

  const problems = draftProblems(draft, draft.isNew ? taken : []);
  const shown = (field: string): string | undefined => {
    const problem: FieldProblem | undefined = server[field] ?? problems[field];
    if (!problem) return undefined;
    return problem.kind !== 'required' || isSubmitted || touched.has(field) ? problemText(problem) : undefined;
  };
  const touch = (field: string) => setTouched((current) => new Set(current).add(field));
  const change = (field: string, next: Draft) => {
    setDraft(next);
    setServer(({ [field]: _gone, ...rest }) => rest);
  };
  const focusField = (field: string) => requestAnimationFrame(() => document.getElementById(fieldId(field))?.focus());

  const submit = async (event: JSX.TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isBusy) return;
    setSubmitted(true);
    setRefusal(undefined);
    const firstProblem = Object.keys(problems)[0];
    if (firstProblem) return focusField(firstProblem);
    setBusy(true);
    try {
      onSaved(await api.save(siteKey, draft.key, draftPayload(draft)));
    } catch (error) {
      const named = serverFieldProblem(error);
      if (named) {
        setServer({ [named.field]: named.problem });
        return focusField(named.field);
      }
      const found = refusalText(error);
      if (found.isSessionOver) return onSessionOver(found.text);
      setRefusal(found.text);
    } finally {
      setBusy(false);
    }
  };

  const keyProblem = shown('key');
  const titleProblem = shown('title');
  return (
    <form class="cadmin-form" data-testid="canned-form" noValidate aria-labelledby="canned-form-title" onSubmit={(event) => void submit(event)}>
      <h3 id="canned-form-title">{draft.isNew ? t('cannedAdmin.new') : t('cannedAdmin.editHeading', { title: initial.title })}</h3>
      {draft.isNew ? (
        <div class="cadmin-field">
          <label for="canned-key">{t('cannedAdmin.key')}</label>
          <input id="canned-key" name="key" class="code-input" autocomplete="off" spellcheck={false} dir="ltr" maxLength={LIMITS.keyMax + 10} value={draft.key} aria-invalid={keyProblem ? true : undefined} aria-describedby={keyProblem ? 'canned-key-hint canned-key-problem' : 'canned-key-hint'} onInput={(event) => change('key', { ...draft, key: event.currentTarget.value })} onBlur={() => touch('key')} />
          <p id="canned-key-hint" class="hint">{t('cannedAdmin.keyHint')}</p>
          {keyProblem ? <p id="canned-key-problem" class="field-problem">{keyProblem}</p> : null}
        </div>
      ) : (
        <p class="hint">
          {t('cannedAdmin.key')}: <span class="code">{draft.key}</span>
        </p>
      )}
      <div class="cadmin-field">
        <label for="canned-title">{t('cannedAdmin.titleField')}</label>
        <input id="canned-title" name="title" dir="auto" maxLength={LIMITS.titleMax + 20} value={draft.title} aria-invalid={titleProblem ? true : undefined} aria-describedby={titleProblem ? 'canned-title-problem' : undefined} onInput={(event) => change('title', { ...draft, title: event.currentTarget.value })} onBlur={() => touch('title')} />
        {titleProblem ? <p id="canned-title-problem" class="field-problem">{titleProblem}</p> : null}
      </div>
      <p class="hint" id="canned-vars-hint">
        {t('cannedAdmin.variables', { list: CANNED_VARIABLES.map(variableCode).join('  ') })}
      </p>
      <p class="hint">{t('cannedAdmin.machineNote')}</p>
      {draft.bodies.map((body, index) => {
        const field = `bodies.${body.locale}`;
        const withText = (text: string) => draft.bodies.map((other, at) => (at === index ? { ...other, text } : other));
        return (
          <CannedBodyField
            key={body.locale}
            locale={body.locale}
            text={body.text}
            onText={(text) => change(field, { ...draft, bodies: withText(text) })}
            onBlur={() => touch(field)}
            onRemove={() => {
              change(field, { ...draft, bodies: draft.bodies.filter((_, at) => at !== index) });
              focusField('bodies');
            }}
            problem={shown(field)}
          />
        );
      })}
      <AddLocale
        used={draft.bodies.map((body) => body.locale)}
        problem={shown('bodies')}
        onAdd={(locale) => {
          change('bodies', { ...draft, bodies: [...draft.bodies, { locale, text: '' }] });
          focusField(`bodies.${locale}`);
        }}
      />
      {refusal ? (
        <p class="problem" role="alert">
          {refusal}
        </p>
      ) : null}
      <div class="actions">
        <button type="submit" class="primary" aria-busy={isBusy}>
          {isBusy ? t('cannedAdmin.saving') : t('cannedAdmin.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cannedAdmin.cancel')}
        </button>
      </div>
    </form>
  );
}
