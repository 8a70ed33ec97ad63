import { useId, type ReactNode } from 'react';
import { useT } from '../../../lib/i18n/i18n-provider';
import { sortDirectionOf, toggledSort } from '../lib/list-sort';

export function SearchBox({
  value,
  onChange,
  placeholder,
}: {
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
}) {
  const t = useT();
  const id = useId();
  return (
    <div className="field field--inline">
      <label className="field__label" htmlFor={id}>
        {t('inventory.search')}
      </label>
      <input
        id={id}
        className="input"
        type="search"
        placeholder={placeholder}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

export interface FilterOption {
  value: string;
  label: string;
}

/** A labelled select whose first option means "no filter". */
export function FilterSelect({
  label,
  value,
  onChange,
  options,
  allLabel,
  disabled,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly FilterOption[];
  allLabel: string;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="field filter">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="input"
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function FilterBar({
  children,
  onClear,
  canClear,
}: {
  children: ReactNode;
  onClear: () => void;
  canClear: boolean;
}) {
  const t = useT();
  return (
    <fieldset className="filter-bar">
      <legend className="visually-hidden">{t('inventory.filters')}</legend>
      {children}
      <button
        type="button"
        className="button button--ghost button--small"
        onClick={onClear}
        disabled={!canClear}
      >
        {t('inventory.clearFilters')}
      </button>
    </fieldset>
  );
}

export function Pagination({
  pageNumber,
  hasPrevious,
  hasNext,
  busy,
  onPrevious,
  onNext,
}: {
  pageNumber: number;
  hasPrevious: boolean;
  hasNext: boolean;
  busy: boolean;
  onPrevious: () => void;
  onNext: () => void;
}) {
  const t = useT();
  return (
    <nav className="pagination" aria-label={t('common.pagination')}>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={onPrevious}
        disabled={!hasPrevious || busy}
      >
        {t('common.previous')}
      </button>
      <span className="pagination__page">{t('common.page', { page: pageNumber })}</span>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={onNext}
        disabled={!hasNext || busy}
      >
        {t('common.next')}
      </button>
    </nav>
  );
}

/** A column header that orders the list: a button (keyboard and pointer), its state in `aria-sort`. */
export function SortableHeader({
  label,
  field,
  sort,
  onSort,
}: {
  label: string;
  field: string;
  sort: string | undefined;
  onSort: (sort: string) => void;
}) {
  const t = useT();
  const direction = sortDirectionOf(sort, field);
  return (
    <th scope="col" aria-sort={direction}>
      <button
        type="button"
        className="sort-button"
        onClick={() => onSort(toggledSort(sort, field))}
        title={t('inventory.sortBy', { column: label })}
      >
        {label}
        <span className="sort-button__icon" aria-hidden="true">
          {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}
