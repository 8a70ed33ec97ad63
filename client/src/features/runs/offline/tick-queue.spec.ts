import type { StepRecordResult } from '@vigie/shared';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError, ResponseShapeError } from '../../../lib/api-client';
import { TickQueue } from './tick-queue';
import { openTickStore, type NewQueuedTick, type QueuedTick, type TickStore } from './tick-store';

function tick(stepId: string, userId = 7): NewQueuedTick {
  return {
    idempotencyKey: `key-${stepId}-${userId}`,
    userId,
    runId: 1,
    stepId,
    body: { outcome: 'done', deviceTime: '2026-11-23T10:00:00.000Z' },
    evidence: [],
  };
}

/** A fake server: answers each send from a script, and records what it was sent. */
class FakeServer {
  readonly received: { stepId: string; key: string }[] = [];
  private readonly stored = new Set<string>();
  next: (tick: QueuedTick) => void = () => undefined;

  send = async (queued: QueuedTick): Promise<StepRecordResult | null> => {
    await Promise.resolve();
    this.next(queued);
    this.received.push({ stepId: queued.stepId, key: queued.idempotencyKey });
    this.stored.add(queued.idempotencyKey);
    return null;
  };

  storedKeys(): string[] {
    return [...this.stored];
  }
}

const offline = () => {
  throw new TypeError('Failed to fetch');
};

let factory: IDBFactory;
let store: TickStore;
let server: FakeServer;
let queue: TickQueue;

beforeEach(async () => {
  factory = new IDBFactory();
  store = await openTickStore(factory, 'test');
  server = new FakeServer();
  queue = new TickQueue(store, server.send);
});

describe('TickQueue', () => {
  it('keeps ticks on the device and sends them in the order made, each once', async () => {
    for (const stepId of ['a', 'b', 'c']) await queue.enqueue(tick(stepId));
    expect(queue.getSnapshot().ticks.map((t) => t.stepId)).toEqual(['a', 'b', 'c']);

    const report = await queue.flush(7);

    expect(report).toEqual({ delivered: 3, conflicts: 0, remaining: 0 });
    expect(server.received.map((r) => r.stepId)).toEqual(['a', 'b', 'c']);
    expect(await store.all()).toEqual([]);
    expect(queue.getSnapshot()).toMatchObject({ ticks: [], sending: false, waiting: false });
  });

  it('stops at a network failure, keeps every tick, and resends with the same keys later', async () => {
    for (const stepId of ['a', 'b', 'c']) await queue.enqueue(tick(stepId));
    server.next = offline;

    const first = await queue.flush(7);

    expect(first).toEqual({ delivered: 0, conflicts: 0, remaining: 3 });
    expect(queue.getSnapshot().waiting).toBe(true);
    const kept = await store.all();
    expect(kept.map((t) => [t.stepId, t.state, t.attempts])).toEqual([
      ['a', 'queued', 1],
      ['b', 'queued', 0],
      ['c', 'queued', 0],
    ]);

    server.next = () => undefined;
    await queue.flush(7);
    expect(server.received).toEqual([
      { stepId: 'a', key: 'key-a-7' },
      { stepId: 'b', key: 'key-b-7' },
      { stepId: 'c', key: 'key-c-7' },
    ]);
    expect(await store.all()).toEqual([]);
  });

  it('keeps a tick whose answer was lost mid-way, so the resend (same key) is stored once', async () => {
    await queue.enqueue(tick('a'));
    let calls = 0;
    // The server commits, then the connection drops before the answer arrives.
    queue = new TickQueue(store, async (queued) => {
      calls += 1;
      await server.send(queued);
      if (calls === 1) throw new TypeError('network changed');
      return null;
    });
    await queue.flush(7);
    expect((await store.all()).length).toBe(1);
    await queue.flush(7);
    expect(await store.all()).toEqual([]);
    expect(server.storedKeys()).toEqual(['key-a-7']);
  });

  it('turns a refusal into a conflict with the server state, and goes on with the next ticks', async () => {
    await queue.enqueue(tick('a'));
    await queue.enqueue(tick('b'));
    const current = { id: 1, version: 4 };
    server.next = (queued) => {
      if (queued.stepId === 'a') {
        throw new ApiError(409, { code: 'conflict', message: 'Step already ticked', current });
      }
    };

    const report = await queue.flush(7);

    expect(report).toEqual({ delivered: 1, conflicts: 1, remaining: 0 });
    const [conflict, ...rest] = await store.all();
    expect(rest).toEqual([]);
    expect(conflict).toMatchObject({
      stepId: 'a',
      state: 'conflict',
      conflict: { status: 409, code: 'conflict', message: 'Step already ticked', current },
    });
    // A conflict is not sent again by itself; only the technician lets it go.
    await queue.flush(7);
    expect(server.received.map((r) => r.stepId)).toEqual(['b']);
    await queue.dismiss(conflict!.id);
    expect(await store.all()).toEqual([]);
  });

  it('treats 422 as a conflict, and 5xx, 401 and 429 as "try again later"', async () => {
    await queue.enqueue(tick('a'));
    for (const status of [503, 500, 401, 429]) {
      server.next = () => {
        throw new ApiError(status, { code: 'service_unavailable', message: 'later' });
      };
      expect(await queue.flush(7)).toEqual({ delivered: 0, conflicts: 0, remaining: 1 });
    }
    server.next = () => {
      throw new ApiError(422, { code: 'rule_violation', message: 'A reason is required' });
    };
    expect(await queue.flush(7)).toEqual({ delivered: 0, conflicts: 1, remaining: 0 });
    expect((await store.all())[0]).toMatchObject({ state: 'conflict', attempts: 4 });
  });

  it('counts a 2xx with an unexpected body as delivered', async () => {
    await queue.enqueue(tick('a'));
    server.next = () => {
      throw new ResponseShapeError('/api/runs/1/steps/a', []);
    };
    expect(await queue.flush(7)).toEqual({ delivered: 1, conflicts: 0, remaining: 0 });
  });

  it('sends only the signed-in user’s ticks', async () => {
    await queue.enqueue(tick('a', 7));
    await queue.enqueue(tick('b', 8));
    await queue.flush(8);
    expect(server.received.map((r) => r.stepId)).toEqual(['b']);
    expect((await store.all()).map((t) => t.stepId)).toEqual(['a']);
  });

  it('never sends a tick twice when flushes overlap, and sends a tick made during a flush', async () => {
    await queue.enqueue(tick('a'));
    await queue.enqueue(tick('b'));
    let enqueuedDuring = false;
    server.next = () => {
      if (!enqueuedDuring) {
        enqueuedDuring = true;
        void queue.enqueue(tick('c')).then(() => queue.flush(7));
      }
    };
    await Promise.all([queue.flush(7), queue.flush(7), queue.flush(7)]);
    await queue.flush(7);
    expect(server.received.map((r) => r.stepId)).toEqual(['a', 'b', 'c']);
    expect(await store.all()).toEqual([]);
  });

  it('reports each delivered tick with the server answer', async () => {
    await queue.enqueue(tick('a'));
    const delivered: string[] = [];
    queue.onDelivered((queued) => delivered.push(queued.stepId));
    await queue.flush(7);
    expect(delivered).toEqual(['a']);
  });

  it('keeps the ticks across a reload of the page (a new store on the same database)', async () => {
    await queue.enqueue(tick('a'));
    await queue.enqueue({
      ...tick('b'),
      evidence: [{ name: 'pdu.jpg', type: 'image/jpeg', blob: new Blob(['x']) }],
    });
    const reopened = await openTickStore(factory, 'test');
    const ticks = await reopened.all();
    expect(ticks.map((t) => [t.id, t.stepId, t.body.deviceTime])).toEqual([
      [1, 'a', '2026-11-23T10:00:00.000Z'],
      [2, 'b', '2026-11-23T10:00:00.000Z'],
    ]);
    expect(ticks[1]!.evidence[0]!.name).toBe('pdu.jpg');
  });
});
