import { priorities, type Priority } from '@vigie/shared';

const noDue = '9'.repeat(15);

/**
 * The board's sort key as one indexed string, so the list pages by keyset: the priority rank, then
 * the nearest running due time in epoch ms (zero-padded), incidents with no running clock last.
 */
export function boardRankOf(priority: Priority, nextDueAt: Date | null): string {
  const due = nextDueAt ? String(Math.max(0, nextDueAt.getTime())).padStart(15, '0') : noDue;
  return `${priorities.indexOf(priority)}:${due}`;
}
