import { locales, type Locale } from '@vigie/shared';
import { useLocale, useT } from '../../../lib/i18n/i18n-provider';
import { useMe } from '../api/get-me';
import { useUpdateMyLocale } from '../api/update-my-locale';

const shortNames: Record<Locale, string> = { fr: 'FR', en: 'EN' };

/** FR/EN toggle: saved on this device, and in the profile once signed in. */
export function LanguageSwitch() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const me = useMe();
  const updateMyLocale = useUpdateMyLocale();

  const choose = (next: Locale) => {
    if (next === locale) return;
    setLocale(next);
    if (me.data) updateMyLocale.mutate(next);
  };

  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {locales.map((option) => (
        <button
          key={option}
          type="button"
          className="language-switch__option"
          lang={option}
          aria-pressed={option === locale}
          title={t(`language.${option}`)}
          onClick={() => choose(option)}
        >
          {/* The name starts with the visible code, so voice control users can say what they see. */}
          {shortNames[option]}
          <span className="visually-hidden"> {t(`language.${option}`)}</span>
        </button>
      ))}
    </div>
  );
}
