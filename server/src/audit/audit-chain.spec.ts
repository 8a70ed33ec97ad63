import { describe, expect, it } from 'vitest';
import { chainHash, genesisHash, type ChainedFields } from './audit-chain.js';

const event: ChainedFields = {
  at: new Date('2026-11-23T03:12:00.000Z'),
  actorId: 2,
  actorName: 'coordinator',
  action: 'incident.acknowledge',
  entityType: 'Incident',
  entityId: '123',
  before: '{"status":"new"}',
  after: '{"status":"acknowledged"}',
  requestId: 'req-1',
  prevHash: genesisHash,
};

describe('chainHash', () => {
  it('is a stable SHA-256 of the event and its predecessor', () => {
    expect(chainHash(event)).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash({ ...event })).toBe(chainHash(event));
  });

  it('changes with any covered field', () => {
    const original = chainHash(event);
    const variants: Partial<ChainedFields>[] = [
      { at: new Date('2026-11-23T03:12:00.001Z') },
      { actorId: null },
      { actorName: 'technician' },
      { action: 'incident.cancel' },
      { entityId: '124' },
      { before: null },
      { after: '{"status":"new"}' },
      { requestId: 'req-2' },
      { prevHash: 'f'.repeat(64) },
    ];
    for (const change of variants) expect(chainHash({ ...event, ...change })).not.toBe(original);
  });
});
