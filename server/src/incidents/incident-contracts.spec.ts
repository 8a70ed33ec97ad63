import type { SlaPolicy } from '@vigie/shared';
import { describe, expect, it } from 'vitest';
import type { Contract } from '../inventory/contract.entity.js';
import { boardRankOf } from './incident-board-rank.js';
import { priorityUnder, strictestContract } from './incident-contracts.js';
import { incidentIdFromReference, incidentReferenceOf } from './incident-reference.js';

const policy = (ack: number, resolve: number): SlaPolicy => {
  const target = { ackMinutes: ack, restoreMinutes: resolve, resolveMinutes: resolve };
  return { P0: target, P1: target, P2: target, P3: target, P4: target };
};
const contract = (id: number, fields: Partial<Contract>) =>
  ({ id, serviceHours: '24x7', priorityMatrix: null, slaPolicy: policy(60, 480), ...fields }) as Contract;

describe('contract choice', () => {
  it('takes the shortest resolve target, then the shortest ack, then 24x7, then the oldest', () => {
    const slow = contract(1, { slaPolicy: policy(30, 960) });
    const fast = contract(2, { slaPolicy: policy(60, 480) });
    expect(strictestContract([slow, fast], 'P2')?.id).toBe(2);
    const quickAck = contract(3, { slaPolicy: policy(15, 480) });
    expect(strictestContract([fast, quickAck], 'P2')?.id).toBe(3);
    const office = contract(4, { serviceHours: 'business_hours', slaPolicy: policy(15, 480) });
    expect(strictestContract([office, quickAck], 'P2')?.id).toBe(3);
    expect(strictestContract([], 'P2')).toBeNull();
  });

  it('gives the most urgent priority across the tenants’ matrices', () => {
    const lax = contract(1, {
      priorityMatrix: [
        ['P3', 'P4', 'P4'],
        ['P4', 'P4', 'P4'],
        ['P4', 'P4', 'P4'],
      ],
    });
    expect(priorityUnder([lax], 1, 1, false)).toBe('P3');
    expect(priorityUnder([lax, contract(2, {})], 1, 1, false)).toBe('P1');
    expect(priorityUnder([], 2, 2, true)).toBe('P0');
  });
});

describe('references and board order', () => {
  it('writes and reads INC-000123', () => {
    expect(incidentReferenceOf(123)).toBe('INC-000123');
    expect(incidentReferenceOf(1_234_567)).toBe('INC-1234567');
    expect(incidentIdFromReference('inc-000123')).toBe(123);
    expect(incidentIdFromReference('123')).toBe(123);
    expect(incidentIdFromReference('cooling')).toBeUndefined();
  });

  it('sorts by priority first, then by the nearest due time, no running clock last', () => {
    const soon = boardRankOf('P2', new Date('2026-01-01T10:00:00Z'));
    const later = boardRankOf('P2', new Date('2026-01-02T10:00:00Z'));
    const none = boardRankOf('P2', null);
    const major = boardRankOf('P0', null);
    expect([none, later, major, soon].sort()).toEqual([major, soon, later, none]);
  });
});
