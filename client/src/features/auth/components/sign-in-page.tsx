import { useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { isApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { useT } from '../../../lib/i18n/i18n-provider';
import type { Translate } from '../../../lib/i18n/translate';
import { useMe } from '../api/get-me';
import { useSignIn } from '../api/sign-in';
import { LanguageSwitch } from './language-switch';

/** Only same-app paths: `?next=//evil.example` must not become an open redirect. */
export function safeNextPath(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : '/';
}

function signInErrorMessage(error: unknown, t: Translate): string {
  if (isApiError(error, 'too_many_requests')) {
    return error.retryAfterSeconds
      ? t('auth.tooManyRequestsRetry', { minutes: Math.ceil(error.retryAfterSeconds / 60) })
      : t('auth.tooManyRequests');
  }
  if (isApiError(error, 'invalid_credentials') || (isApiError(error) && error.status === 401)) {
    return t('auth.invalidCredentials');
  }
  return errorMessage(error, t);
}

export function SignInPage() {
  const t = useT();
  const [searchParams] = useSearchParams();
  const me = useMe();
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ username: boolean; password: boolean }>({
    username: false,
    password: false,
  });

  if (me.data) return <Navigate to={safeNextPath(searchParams.get('next'))} replace />;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (signIn.isPending) return;
    const nowMissing = { username: username.trim() === '', password: password === '' };
    setMissing(nowMissing);
    if (nowMissing.username || nowMissing.password) {
      document.getElementById(nowMissing.username ? 'sign-in-username' : 'sign-in-password')?.focus();
      return;
    }
    signIn.mutate(
      { username: username.trim(), password },
      // A failed attempt clears the password, as every sign-in form does.
      { onError: () => setPassword('') },
    );
  };

  return (
    <div className="sign-in">
      <title>{t('app.pageTitle', { page: t('auth.title') })}</title>
      {/* A banner landmark: nothing on the page sits outside a landmark. */}
      <header className="sign-in__top">
        <LanguageSwitch />
      </header>
      <main className="sign-in__card" id="main">
        <p className="brand brand--large" aria-hidden="true">
          <span className="brand__mark" />
          {t('app.name')}
        </p>
        <h1 className="sign-in__title">{t('auth.title')}</h1>
        <p className="sign-in__intro">{t('auth.intro')}</p>
        <form className="form" onSubmit={onSubmit} noValidate>
          <div className="field">
            <label className="field__label" htmlFor="sign-in-username">
              {t('auth.username')}
            </label>
            <input
              id="sign-in-username"
              className="input"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              autoFocus
              required
              value={username}
              aria-invalid={missing.username}
              aria-describedby={missing.username ? 'sign-in-username-error' : undefined}
              onChange={(event) => setUsername(event.target.value)}
            />
            {missing.username && (
              <p className="field__error" id="sign-in-username-error">
                {t('validation.required')}
              </p>
            )}
          </div>
          <div className="field">
            <label className="field__label" htmlFor="sign-in-password">
              {t('auth.password')}
            </label>
            <input
              id="sign-in-password"
              className="input"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              aria-invalid={missing.password}
              aria-describedby={missing.password ? 'sign-in-password-error' : undefined}
              onChange={(event) => setPassword(event.target.value)}
            />
            {missing.password && (
              <p className="field__error" id="sign-in-password-error">
                {t('validation.required')}
              </p>
            )}
          </div>
          <div id="sign-in-error" aria-live="assertive">
            {signIn.isError && (
              <p className="alert alert--error" role="alert">
                {signInErrorMessage(signIn.error, t)}
              </p>
            )}
          </div>
          <button
            type="submit"
            className="button button--primary button--block"
            disabled={signIn.isPending}
            aria-busy={signIn.isPending}
          >
            {signIn.isPending ? t('auth.submitting') : t('auth.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
