import { EntityManager } from '@mikro-orm/core';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Database } from 'better-sqlite3';

/** The better-sqlite3 handle behind an entity manager: statements on it run inside the ORM's open transaction. */
export function nativeClientOf(em: EntityManager): Promise<Database> {
  const connection = em.getDriver().getConnection() as unknown as { getNativeClient(): Promise<Database> };
  return connection.getNativeClient();
}

/** The better-sqlite3 handle behind the ORM, for the few reads that must be synchronous. */
@Injectable()
export class NativeDatabase implements OnModuleInit {
  private database: Database | undefined;

  constructor(private readonly em: EntityManager) {}

  async onModuleInit(): Promise<void> {
    this.database = await nativeClientOf(this.em);
  }

  get handle(): Database {
    if (!this.database) throw new Error('database not initialised');
    return this.database;
  }
}
