import { useId, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../../lib/error-message';
import { useT } from '../../../lib/i18n/i18n-provider';
import type { Translate } from '../../../lib/i18n/translate';
import { useDebouncedValue } from '../../tasks/hooks/use-debounced-value';
import { searchResultsPerKind, useInventorySearch } from '../api/search-inventory';
import { movedIndex, searchGroups, type SearchOption } from '../lib/search-options';

/** Fewer characters than this match too much to be useful. */
const minimumLength = 2;
const searchDelayMs = 250;

function optionDetails(option: SearchOption, t: Translate): string {
  const { code, row, serial, assetTag } = option.details;
  return [
    code,
    row && t('inventorySearch.rackIn', { row }),
    serial && t('inventorySearch.serial', { serial }),
    assetTag && t('inventorySearch.assetTag', { tag: assetTag }),
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * The one search box of the inventory: sites, racks and devices by name, code, serial or asset tag,
 * as a combobox (ARIA 1.2): arrows move through the results, Enter opens one, Escape closes the list
 * (and clears the text when it is already closed).
 */
export function InventorySearch() {
  const t = useT();
  const navigate = useNavigate();
  const id = useId();
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const typed = text.trim();
  const query = useDebouncedValue(typed, searchDelayMs);
  const ready = query.length >= minimumLength && typed.length >= minimumLength;
  const search = useInventorySearch(ready ? query : '');
  // Still typing, or the answer for the current text not in yet: what is shown may be out of date.
  const loading = ready && (typed !== query || search.isFetching);
  const groups = ready && search.data ? searchGroups(search.data, query, searchResultsPerKind) : [];
  const options = groups.flatMap((group) => group.options);
  const activeOption = open && active >= 0 ? options[active] : undefined;
  const optionId = (option: SearchOption) => `${id}-${option.key}`;
  const popupShown = open && typed.length >= minimumLength;

  const choose = (option: SearchOption) => {
    setOpen(false);
    setActive(-1);
    void navigate(option.href);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        event.preventDefault();
        setOpen(true);
        setActive((current) => movedIndex(current, options.length, event.key === 'ArrowDown' ? 1 : -1));
        return;
      case 'Enter': {
        // Enter with nothing highlighted opens the first result: type a serial, press Enter.
        const option = activeOption ?? (popupShown && !loading ? options[0] : undefined);
        if (option) {
          event.preventDefault();
          choose(option);
        }
        return;
      }
      case 'Escape':
        event.preventDefault();
        if (popupShown) {
          setOpen(false);
          setActive(-1);
        } else {
          setText('');
        }
        return;
    }
  };

  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) {
      setOpen(false);
      setActive(-1);
    }
  };

  const statusText = !ready
    ? ''
    : loading
      ? t('inventorySearch.searching')
      : search.isError
        ? ''
        : options.length === 0
          ? t('inventorySearch.none', { query })
          : t('inventorySearch.count', { count: options.filter((option) => !option.more).length });

  return (
    <div className="inventory-search" onBlur={onBlur}>
      <label className="field__label" htmlFor={`${id}-input`}>
        {t('inventorySearch.label')}
      </label>
      <input
        id={`${id}-input`}
        className="input inventory-search__input"
        type="search"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        placeholder={t('inventorySearch.placeholder')}
        aria-autocomplete="list"
        aria-expanded={popupShown}
        aria-controls={listId}
        aria-activedescendant={activeOption ? optionId(activeOption) : undefined}
        aria-describedby={hintId}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
      />
      <p id={hintId} className="visually-hidden">
        {t('inventorySearch.hint')}
      </p>
      <p role="status" className="visually-hidden">
        {popupShown ? statusText : ''}
      </p>
      <div className="inventory-search__popup" hidden={!popupShown} data-testid="inventory-search-popup">
        {search.isError && !loading ? (
          <div className="inventory-search__message inventory-search__message--error" role="alert">
            <p>
              {t('inventorySearch.error')} {errorMessage(search.error, t)}
            </p>
            <button
              type="button"
              className="button button--small button--secondary"
              // Keeps the focus in the box: a blur would close the list before the click lands.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => void search.refetch()}
            >
              {t('common.retry')}
            </button>
          </div>
        ) : options.length === 0 ? (
          <p className="inventory-search__message">{statusText || t('inventorySearch.searching')}</p>
        ) : (
          loading && <p className="inventory-search__message">{t('inventorySearch.searching')}</p>
        )}
        <div
          id={listId}
          role="listbox"
          aria-label={t('inventorySearch.results')}
          className="inventory-search__list"
          aria-busy={loading}
        >
          {groups.map((group) => (
            <div key={group.kind} role="group" aria-labelledby={`${id}-${group.kind}`}>
              <div id={`${id}-${group.kind}`} role="presentation" className="inventory-search__group">
                {t(`inventorySearch.${group.kind}`)}
              </div>
              {group.options.map((option) => {
                const index = options.indexOf(option);
                const details = optionDetails(option, t);
                return (
                  <div
                    key={option.key}
                    id={optionId(option)}
                    role="option"
                    aria-selected={index === active}
                    className={
                      index === active ? 'inventory-search__option is-active' : 'inventory-search__option'
                    }
                    onMouseDown={(event) => event.preventDefault()}
                    onMouseMove={() => setActive(index)}
                    onClick={() => choose(option)}
                  >
                    {option.more ? (
                      <span className="inventory-search__more">
                        {t(
                          group.kind === 'racks'
                            ? 'inventorySearch.moreRacks'
                            : 'inventorySearch.moreDevices',
                          {
                            query: option.title,
                          },
                        )}
                      </span>
                    ) : (
                      <>
                        <span className="inventory-search__title">{option.title}</span>
                        {details && <span className="inventory-search__details">{details}</span>}
                      </>
                    )}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
