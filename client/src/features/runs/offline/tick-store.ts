import type { RecordStep } from '@vigie/shared';

/** An evidence file waiting on the device to be uploaded with its tick. */
export interface PendingEvidence {
  name: string;
  type: string;
  blob: Blob;
}

/** Why the server refused a tick: shown to the technician with the server's current state, never dropped. */
export interface TickConflict {
  status: number;
  code: string;
  message: string;
  /** The server's current state, when the answer carries it (409). */
  current: unknown;
}

/** A step record made on this device and not yet acknowledged by the server. */
export interface QueuedTick {
  /** Assigned by the store; increasing, so it is the order in which the ticks were made. */
  id: number;
  /** Made at tick time: a retry of this tick is the same write for the server. */
  idempotencyKey: string;
  /** Who ticked: another user signing in on this device never sends it under their name. */
  userId: number;
  runId: number;
  stepId: string;
  /** The request body; `deviceTime` is the device clock at the tick. */
  body: RecordStep & { deviceTime: string };
  evidence: PendingEvidence[];
  state: 'queued' | 'conflict';
  conflict: TickConflict | null;
  /** Delivery attempts that ended without an answer (network, server unavailable). */
  attempts: number;
}

export type NewQueuedTick = Omit<QueuedTick, 'id' | 'state' | 'conflict' | 'attempts'>;

/** Where queued ticks live: IndexedDB in the browser (see openTickStore), survives reloads and restarts. */
export interface TickStore {
  add(tick: NewQueuedTick): Promise<QueuedTick>;
  /** Every tick, oldest first. */
  all(): Promise<QueuedTick[]>;
  put(tick: QueuedTick): Promise<void>;
  remove(id: number): Promise<void>;
}

const databaseName = 'vigie-offline';
const storeName = 'ticks';

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** Resolves once the transaction is committed: only then is the tick safe on the device. */
function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}

function openDatabase(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  const request = factory.open(name, 1);
  request.onupgradeneeded = () => {
    request.result.createObjectStore(storeName, { keyPath: 'id', autoIncrement: true });
  };
  return promised(request);
}

/** A TickStore over the raw IndexedDB API (one object store, auto-increment keys give the order). */
export async function openTickStore(
  factory: IDBFactory = indexedDB,
  name = databaseName,
): Promise<TickStore> {
  const db = await openDatabase(factory, name);

  async function write(action: (store: IDBObjectStore) => IDBRequest): Promise<unknown> {
    const transaction = db.transaction(storeName, 'readwrite', { durability: 'strict' });
    const result = promised(action(transaction.objectStore(storeName)));
    await committed(transaction);
    return result;
  }

  return {
    async add(tick) {
      const record: Omit<QueuedTick, 'id'> = { ...tick, state: 'queued', conflict: null, attempts: 0 };
      const id = await write((store) => store.add(record));
      return { ...record, id: Number(id) };
    },
    async all() {
      const transaction = db.transaction(storeName, 'readonly');
      // Keys are increasing integers: getAll answers in key order, i.e. the order of the ticks.
      return (await promised(transaction.objectStore(storeName).getAll())) as QueuedTick[];
    },
    async put(tick) {
      await write((store) => store.put(tick));
    },
    async remove(id) {
      await write((store) => store.delete(id));
    },
  };
}
