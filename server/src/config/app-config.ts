import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['0', '1', 'true', 'false'])
  .transform((value) => value === '1' || value === 'true');

/** Environment variables Vigie reads, with validated defaults. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().default('file:data/vigie.db'),
  VIGIE_DEMO: booleanFlag.default(true),
  VIGIE_DATA_DIR: z.string().optional(),
  SESSION_SECRET: z.string().min(32).optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(120),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  // What body-parser understands: a byte count with an optional unit, e.g. 512kb or 1mb.
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(\.\d+)?(b|kb|mb)?$/i, 'a size such as 512kb or 1mb')
    .default('1mb'),
  COOKIE_SECURE: booleanFlag.default(false),
  CLIENT_DIST: z.string().optional(),
  VIGIE_PROCEDURES_DIR: z.string().optional(),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug']).default('log'),
  VIGIE_SLA_WATCH_SECONDS: z.coerce.number().int().min(0).max(3600).default(15),
  VIGIE_TASK_SCHEDULER_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  VIGIE_TASK_HORIZON_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  VIGIE_LIVE_QUEUE_KB: z.coerce.number().int().min(16).max(65_536).default(1024),
});

export interface AppConfig {
  port: number;
  host: string;
  /** Absolute path of the SQLite database file. */
  databaseFile: string;
  /** Folder for files Vigie keeps beside the database (generated secret, evidence). */
  dataDir: string;
  demo: boolean;
  /** Given by the environment; otherwise generated and stored in dataDir on first start. */
  sessionSecret: string | undefined;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  bodyLimit: string;
  cookieSecure: boolean;
  /** Built client to serve, if present. */
  clientDist: string;
  /** The procedure library (YAML files by kind). */
  proceduresDir: string;
  logLevel: 'error' | 'warn' | 'log' | 'debug';
  /** How often the SLA watcher records warnings and breaches; 0 turns it off. */
  slaWatchSeconds: number;
  /** How often the task scheduler plans occurrences and marks them due or missed; 0 turns it off. */
  taskSchedulerSeconds: number;
  /** How many days beyond its lead time a task's occurrences are planned ahead. */
  taskHorizonDays: number;
  /** Live events queued for one socket, in KiB, past which a client that stopped reading is dropped. */
  liveQueueKb: number;
}

export class ConfigError extends Error {}

export const repoRoot = resolve(import.meta.dirname, '../../..');

function databaseFileFrom(url: string): string {
  const path = url.startsWith('file:') ? url.slice('file:'.length) : url;
  if (path.includes('://')) {
    throw new ConfigError(`DATABASE_URL: only SQLite file URLs (file:path) are supported here, got "${url}"`);
  }
  return isAbsolute(path) ? path : resolve(repoRoot, path);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  const databaseFile = databaseFileFrom(e.DATABASE_URL);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseFile,
    dataDir: e.VIGIE_DATA_DIR ? resolve(e.VIGIE_DATA_DIR) : resolve(databaseFile, '..'),
    demo: e.VIGIE_DEMO,
    sessionSecret: e.SESSION_SECRET,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    bodyLimit: e.BODY_LIMIT,
    cookieSecure: e.COOKIE_SECURE,
    clientDist: e.CLIENT_DIST ? resolve(e.CLIENT_DIST) : resolve(repoRoot, 'client/dist'),
    proceduresDir: e.VIGIE_PROCEDURES_DIR ? resolve(e.VIGIE_PROCEDURES_DIR) : resolve(repoRoot, 'procedures'),
    logLevel: e.LOG_LEVEL,
    slaWatchSeconds: e.VIGIE_SLA_WATCH_SECONDS,
    taskSchedulerSeconds: e.VIGIE_TASK_SCHEDULER_SECONDS,
    taskHorizonDays: e.VIGIE_TASK_HORIZON_DAYS,
    liveQueueKb: e.VIGIE_LIVE_QUEUE_KB,
  };
}
