import { sendTick } from '../api/send-tick';
import { TickQueue } from './tick-queue';
import { openTickStore, type TickStore } from './tick-store';

/** Opens IndexedDB on first use (not at import), so the module loads where there is none. */
function lazyTickStore(open: () => Promise<TickStore>): TickStore {
  let opened: Promise<TickStore> | null = null;
  const store = () => (opened ??= open());
  return {
    add: async (tick) => (await store()).add(tick),
    all: async () => (await store()).all(),
    put: async (tick) => (await store()).put(tick),
    remove: async (id) => (await store()).remove(id),
  };
}

/** The one queue of this browser profile (all tabs share its IndexedDB database). */
export const tickQueue = new TickQueue(
  lazyTickStore(() => openTickStore()),
  sendTick,
);
