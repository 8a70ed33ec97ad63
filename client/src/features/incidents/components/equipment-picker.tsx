import { useEffect, useId, useState } from 'react';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useDevices } from '../../inventory/api/get-devices';
import { useRacks } from '../../inventory/api/get-racks';

export interface PickedItem {
  id: number;
  name: string;
}

const resultCount = 8;

function useDebounced(value: string, delayMs = 300): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/** The chosen items as removable chips, and a search whose results can be added. */
function Picker({
  label,
  selected,
  onChange,
  search,
  onSearch,
  results,
  loading,
}: {
  label: string;
  selected: readonly PickedItem[];
  onChange: (items: PickedItem[]) => void;
  search: string;
  onSearch: (text: string) => void;
  results: readonly PickedItem[];
  loading: boolean;
}) {
  const t = useT();
  const id = useId();
  const candidates = results.filter((item) => !selected.some((chosen) => chosen.id === item.id));
  return (
    <fieldset className="picker">
      <legend className="field__label">{label}</legend>
      {selected.length === 0 ? (
        <p className="field__hint">{t('incidents.pickerNone')}</p>
      ) : (
        <ul className="chips">
          {selected.map((item) => (
            <li key={item.id} className="chip">
              {item.name}
              <button
                type="button"
                className="chip__remove"
                aria-label={t('incidents.pickerRemove', { name: item.name })}
                onClick={() => onChange(selected.filter((chosen) => chosen.id !== item.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <label className="visually-hidden" htmlFor={id}>
        {`${t('incidents.pickerSearch')} — ${label}`}
      </label>
      <input
        id={id}
        className="input"
        type="search"
        placeholder={t('incidents.pickerSearch')}
        value={search}
        onChange={(event) => onSearch(event.target.value)}
      />
      {search.trim().length >= 2 && (
        <ul className="picker__results" aria-busy={loading}>
          {candidates.length === 0 && !loading ? (
            <li className="field__hint">{t('incidents.pickerNoResult')}</li>
          ) : (
            candidates.map((item) => (
              <li key={item.id}>
                <button
                  type="button"
                  className="button button--ghost button--small"
                  onClick={() => {
                    onChange([...selected, item]);
                    onSearch('');
                  }}
                >
                  {t('incidents.pickerAdd', { name: item.name })}
                </button>
              </li>
            ))
          )}
        </ul>
      )}
    </fieldset>
  );
}

/** Racks by name, within the chosen room (or site) when there is one. */
export function RackPicker({
  selected,
  onChange,
  siteId,
  roomId,
}: {
  selected: readonly PickedItem[];
  onChange: (items: PickedItem[]) => void;
  siteId: number | undefined;
  roomId: number | undefined;
}) {
  const t = useT();
  const [search, setSearch] = useState('');
  const term = useDebounced(search.trim());
  const racks = useRacks({ search: term || undefined, siteId, roomId, limit: resultCount });
  return (
    <Picker
      label={t('incidents.racks')}
      selected={selected}
      onChange={onChange}
      search={search}
      onSearch={setSearch}
      results={term.length >= 2 ? (racks.data?.items ?? []) : []}
      loading={racks.isFetching}
    />
  );
}

/** Devices by name, serial or asset tag, within the chosen room (or site) when there is one. */
export function DevicePicker({
  selected,
  onChange,
  siteId,
  roomId,
}: {
  selected: readonly PickedItem[];
  onChange: (items: PickedItem[]) => void;
  siteId: number | undefined;
  roomId: number | undefined;
}) {
  const t = useT();
  const [search, setSearch] = useState('');
  const term = useDebounced(search.trim());
  const devices = useDevices(
    { search: term || undefined, siteId, roomId, limit: resultCount },
    { enabled: term.length >= 2 },
  );
  return (
    <Picker
      label={t('incidents.devices')}
      selected={selected}
      onChange={onChange}
      search={search}
      onSearch={setSearch}
      results={term.length >= 2 ? (devices.data?.items ?? []) : []}
      loading={devices.isFetching}
    />
  );
}
