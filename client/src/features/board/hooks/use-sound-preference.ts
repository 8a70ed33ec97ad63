import { useCallback, useState } from 'react';
import { unlockAudio } from '../lib/beep';

const storageKey = 'vigie.board.sound';

function readStored(): boolean {
  try {
    return window.localStorage.getItem(storageKey) === 'on';
  } catch {
    // Storage can be disabled (private mode, policies): the sound simply starts off.
    return false;
  }
}

/** Whether new incidents beep, remembered on this device (off by default: a board may sit in a quiet room). */
export function useSoundPreference(): [boolean, (on: boolean) => void] {
  const [enabled, setEnabled] = useState(readStored);
  const set = useCallback((on: boolean) => {
    if (on) unlockAudio();
    setEnabled(on);
    try {
      window.localStorage.setItem(storageKey, on ? 'on' : 'off');
    } catch {
      // See readStored.
    }
  }, []);
  return [enabled, set];
}
