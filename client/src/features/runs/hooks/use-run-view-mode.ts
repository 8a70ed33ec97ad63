import { useCallback, useState } from 'react';

export type RunViewMode = 'one' | 'all';

const storageKey = 'vigie.runs.view';

function readMode(): RunViewMode {
  try {
    return window.localStorage.getItem(storageKey) === 'all' ? 'all' : 'one';
  } catch {
    // Storage disabled: the default still works.
    return 'one';
  }
}

/** "One step at a time" or "whole checklist", remembered on this device. */
export function useRunViewMode(): [RunViewMode, (mode: RunViewMode) => void] {
  const [mode, setModeState] = useState<RunViewMode>(readMode);
  const setMode = useCallback((next: RunViewMode) => {
    setModeState(next);
    try {
      window.localStorage.setItem(storageKey, next);
    } catch {
      // See readMode.
    }
  }, []);
  return [mode, setMode];
}
