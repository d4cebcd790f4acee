import { useEffect, useState } from 'preact/hooks';
import { errorContext } from '../auth/error-context.ts';
import type { TotpApi } from '../auth/totp-api.ts';
import { totpProblem } from '../auth/totp-errors.ts';
import { t } from '../i18n/i18n.ts';

interface RequireTotpSwitchProps {
  api: TotpApi;
  /** The admin's own two-factor: a refusal for lacking it is stale once it is on. */
  isOwnTotpEnabled: boolean;
  /** What the gateway says now (the dialog hides "turn off" while it is on). */
  onRequired: (isRequired: boolean) => void;
  onSessionOver: (notice: string) => void;
}

type Load = { state: 'loading' } | { state: 'ready'; isRequired: boolean } | { state: 'failed' };

/**
 * The admin's switch "Require two-factor sign-in for every agent", read from and written to
 * `/v1/admin/settings`. The box shows the gateway's value only: a refused change (the admin has
 * no two-factor of their own yet) leaves it as it was and says why.
 */
export function RequireTotpSwitch({ api, isOwnTotpEnabled, onRequired, onSessionOver }: RequireTotpSwitchProps) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [isBusy, setBusy] = useState(false);
  const [news, setNews] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | undefined>();

  useEffect(() => {
    api.settings().then(
      (settings) => {
        setLoad({ state: 'ready', isRequired: settings.isTotpRequired });
        onRequired(settings.isTotpRequired);
      },
      () => setLoad({ state: 'failed' }),
    );
  }, [api]);

  useEffect(() => setProblem(undefined), [isOwnTotpEnabled]);

  const change = async (isRequired: boolean) => {
    setBusy(true);
    setNews(undefined);
    setProblem(undefined);
    try {
      const settings = await api.setTotpRequired(isRequired);
      setLoad({ state: 'ready', isRequired: settings.isTotpRequired });
      onRequired(settings.isTotpRequired);
      setNews(settings.isTotpRequired ? t('admin.savedOn') : t('admin.savedOff'));
    } catch (error) {
      const found = totpProblem(error, 'require', errorContext());
      if (found.isSessionOver) return onSessionOver(found.text);
      setProblem(found.text);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="account-section" aria-labelledby="account-admin-title">
      <h3 id="account-admin-title">{t('admin.heading')}</h3>
      {load.state === 'loading' ? <p class="hint">{t('admin.loading')}</p> : null}
      {load.state === 'failed' ? <p class="problem">{t('admin.error.load')}</p> : null}
      {load.state === 'ready' ? (
        <>
          <label class="switch">
            <input
              type="checkbox"
              role="switch"
              checked={load.isRequired}
              // Not `disabled`: that would drop keyboard focus to the page while saving.
              aria-busy={isBusy}
              aria-describedby="account-admin-hint"
              onChange={(event) => {
                const wanted = event.currentTarget.checked;
                // Show the gateway's value until it answers, not the click's.
                event.currentTarget.checked = load.isRequired;
                if (!isBusy) void change(wanted);
              }}
            />
            <span>{t('admin.requireTotp')}</span>
          </label>
          <p id="account-admin-hint" class="hint">
            {t('admin.requireHint')}
          </p>
        </>
      ) : null}
      <p class="account-news" role="status">
        {news ?? ''}
      </p>
      {problem ? (
        <p class="problem" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
