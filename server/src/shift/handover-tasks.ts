import type { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { HandoverTask, Occurrence } from '@vigie/shared';
import { overdueOccurrences, upcomingOccurrences } from '../tasks/occurrence-queries.js';
import type { HandoverTaskSource } from './handover-draft.js';

const toHandoverTask = (occurrence: Occurrence): HandoverTask => ({
  id: occurrence.id,
  title: occurrence.title,
  dueAt: occurrence.dueAt,
  state: occurrence.state,
});

/** The draft's task sections: the site's overdue occurrences and those planned in the next 12 h. */
@Injectable()
export class HandoverTasks implements HandoverTaskSource {
  async overdue(em: EntityManager, siteId: number, now: Date): Promise<HandoverTask[]> {
    return (await overdueOccurrences(em, { siteId, now, limit: 50 })).map(toHandoverTask);
  }

  async upcoming(em: EntityManager, siteId: number, now: Date): Promise<HandoverTask[]> {
    return (await upcomingOccurrences(em, { siteId, now, limit: 50 })).map(toHandoverTask);
  }
}
