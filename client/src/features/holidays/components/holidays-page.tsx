import { countriesWithDefaultHolidays, holidayListQuerySchema, type Holiday } from '@vigie/shared';
import { useMemo, useState } from 'react';
import { Dialog } from '../../../components/ui/dialog';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { errorMessage } from '../../../lib/error-message';
import { useLocale, useT } from '../../../lib/i18n/i18n-provider';
import { useTimeZone } from '../../../lib/time-zone';
import { useSites } from '../../sites/api/get-sites';
import { localDate } from '../../tasks/lib/calendar-days';
import { useAddDefaultHolidays } from '../api/add-default-holidays';
import { useHolidays } from '../api/get-holidays';
import { CreateHolidayForm } from './create-holiday-form';
import { DeleteHolidayDialog } from './delete-holiday-dialog';

const fallbackCountry = countriesWithDefaultHolidays[0];

/** Public holidays per country and year: the days business-hours SLA clocks do not count. */
export function HolidaysPage() {
  const t = useT();
  const { locale } = useLocale();
  const sites = useSites();
  const [chosenCountry, setChosenCountry] = useState<string | null>(null);
  const timeZone = useTimeZone();
  // The site's year, not the browser's: they differ for a few hours around New Year.
  const [year, setYear] = useState(() => Number(localDate(new Date(), timeZone).slice(0, 4)));
  const [yearInput, setYearInput] = useState(String(year));
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Holiday | null>(null);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  // The countries of the sites come first; the ones the server has rules for are always offered.
  const countries = useMemo(
    () => [
      ...new Set([
        ...(sites.data?.items.map((site) => site.countryCode) ?? []),
        ...countriesWithDefaultHolidays,
      ]),
    ],
    [sites.data],
  );
  const country = chosenCountry ?? countries[0] ?? fallbackCountry;
  const holidays = useHolidays({ country, year });
  const addDefaults = useAddDefaultHolidays();

  const regionNames = useMemo(() => new Intl.DisplayNames([locale], { type: 'region' }), [locale]);
  const countryName = (code: string) => regionNames.of(code) ?? code;
  const dateFormat = useMemo(
    () =>
      new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }),
    [locale],
  );
  // Holiday dates are calendar days, not instants: format them as UTC midnight so no zone shifts them.
  const formatDate = (date: string) => dateFormat.format(new Date(`${date}T00:00:00Z`));

  const showYear = (next: number) => {
    setYear(next);
    setYearInput(String(next));
  };
  const onYearInput = (value: string) => {
    setYearInput(value);
    const parsed = holidayListQuerySchema.shape.year.safeParse(value);
    if (parsed.success) setYear(parsed.data);
  };

  const onAddDefaults = () => {
    setNotice(null);
    addDefaults.mutate(
      { countryCode: country, year },
      {
        onSuccess: (added) =>
          setNotice({
            tone: 'success',
            text:
              added.items.length === 0
                ? t('holidays.defaultsNone', { year })
                : t('holidays.defaultsAdded', { count: added.items.length, year }),
          }),
        onError: (error) => setNotice({ tone: 'error', text: errorMessage(error, t) }),
      },
    );
  };

  const page = holidays.data;
  const caption = t('holidays.listCaption', { country: countryName(country), year });
  const hasRules = (countriesWithDefaultHolidays as readonly string[]).includes(country);

  return (
    <div className="page">
      <title>{t('app.pageTitle', { page: t('holidays.title') })}</title>
      <header className="page__header">
        <div>
          <h1 className="page__title">{t('holidays.title')}</h1>
          <p className="page__subtitle">{t('holidays.subtitle')}</p>
        </div>
        <div className="page__actions">
          {hasRules && (
            <button
              type="button"
              className="button button--secondary"
              onClick={onAddDefaults}
              disabled={addDefaults.isPending}
            >
              {t('holidays.addDefaults')}
            </button>
          )}
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              setNotice(null);
              setCreating(true);
            }}
          >
            {t('holidays.new')}
          </button>
        </div>
      </header>

      <div className="toolbar">
        <div className="field field--inline">
          <label className="field__label" htmlFor="holidays-country">
            {t('holidays.country')}
          </label>
          <select
            id="holidays-country"
            className="input"
            value={country}
            onChange={(event) => setChosenCountry(event.target.value)}
          >
            {countries.map((code) => (
              <option key={code} value={code}>
                {countryName(code)} ({code})
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label className="field__label" htmlFor="holidays-year">
            {t('holidays.year')}
          </label>
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={t('holidays.previousYear')}
            onClick={() => showYear(year - 1)}
          >
            ‹
          </button>
          <input
            id="holidays-year"
            className="input holidays__year"
            type="number"
            inputMode="numeric"
            min={1970}
            max={2200}
            value={yearInput}
            onChange={(event) => onYearInput(event.target.value)}
            onBlur={() => setYearInput(String(year))}
          />
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={t('holidays.nextYear')}
            onClick={() => showYear(year + 1)}
          >
            ›
          </button>
        </div>
      </div>

      <div role="status" className="notice-area">
        {notice && <p className={`alert alert--${notice.tone}`}>{notice.text}</p>}
      </div>

      {holidays.isPending ? (
        <LoadingState />
      ) : holidays.isError && !page ? (
        <ErrorState
          error={holidays.error}
          title={t('holidays.loadError')}
          onRetry={() => void holidays.refetch()}
        />
      ) : page && page.items.length === 0 ? (
        <EmptyState title={t('holidays.empty', { country: countryName(country), year })}>
          <p>{t('holidays.emptyHint')}</p>
        </EmptyState>
      ) : page ? (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="holidays-caption">
          <table className="table" aria-busy={holidays.isPlaceholderData}>
            <caption id="holidays-caption" className="visually-hidden">
              {caption}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('holidays.date')}</th>
                <th scope="col">{t('holidays.name')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('holidays.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((holiday) => (
                <tr key={holiday.id} data-testid={`holiday-row-${holiday.date}`}>
                  <th scope="row" className="nowrap">
                    <time dateTime={holiday.date}>{formatDate(holiday.date)}</time>
                  </th>
                  <td>{holiday.name}</td>
                  <td className="table__actions">
                    <button
                      type="button"
                      className="button button--small button--secondary"
                      aria-label={t('holidays.deleteNamed', { name: holiday.name })}
                      onClick={() => {
                        setNotice(null);
                        setDeleting(holiday);
                      }}
                    >
                      {t('holidays.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {creating && (
        <Dialog
          title={t('holidays.createTitle', { country: countryName(country) })}
          onClose={() => setCreating(false)}
        >
          <CreateHolidayForm
            countryCode={country}
            year={year}
            onCancel={() => setCreating(false)}
            onCreated={(holiday) => {
              setCreating(false);
              setNotice({ tone: 'success', text: t('holidays.created', { name: holiday.name }) });
              // Show the year the new holiday belongs to.
              showYear(Number(holiday.date.slice(0, 4)));
            }}
          />
        </Dialog>
      )}
      {deleting && (
        <DeleteHolidayDialog
          holiday={deleting}
          formattedDate={formatDate(deleting.date)}
          onClose={() => setDeleting(null)}
          onDeleted={(holiday) => {
            setDeleting(null);
            setNotice({ tone: 'success', text: t('holidays.deleted', { name: holiday.name }) });
          }}
        />
      )}
    </div>
  );
}
