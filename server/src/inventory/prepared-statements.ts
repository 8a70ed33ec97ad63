import { Injectable } from '@nestjs/common';
import type { Statement } from 'better-sqlite3';
import { NativeDatabase } from '../database/native-database.js';

/**
 * Prepared statements of the inventory's plain-SQL reads, compiled once per SQL text. Only the
 * compiled query is kept, never a result: every call reads the database afresh.
 */
@Injectable()
export class PreparedStatements {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly database: NativeDatabase) {}

  get(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.database.handle.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

/** A `LIKE … ESCAPE '\'` pattern that matches `text` literally, anywhere. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
