import path from 'node:path';
import { z } from 'zod';

/**
 * The only reader of process.env. Parsed once at start-up, frozen, and passed down:
 * nothing else in the app looks at the environment.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  TANDEM_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  /** The address people reach the app at; used in links inside e-mails. */
  PUBLIC_URL: z.url().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().default('Tandem <no-reply@localhost>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Behind a reverse proxy that sets X-Forwarded-Proto, set to true so Secure cookies work. */
  TRUST_PROXY: z.stringbool().default(false),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(60 * 24 * 30)
    .default(60 * 12),
  SESSION_MAX_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  RATE_LIMIT_AUTH_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  /** Failed sign-ins for one account within 15 minutes before its sign-in pauses (shared by every instance). */
  SIGN_IN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).max(10_000).default(10),
  /** Failed sign-ins from one address within 15 minutes before it pauses (an office behind one address counts once). */
  SIGN_IN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(50),
  /** Largest file staff may upload as a resource (videos are big). */
  MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(10_000).default(500),
  /** Set to false on an instance that should serve web requests only and leave reminders to others. */
  RUN_JOBS: z.stringbool().default(true),
  /** How often a job worker looks for due reminders. */
  JOB_POLL_SECONDS: z.coerce.number().min(0.05).max(3600).default(15),
  /**
   * How long a claimed job stays one worker's: when an instance dies holding jobs, another takes
   * them over this long after the claim. Keep it well above the time one job takes.
   */
  JOB_LEASE_SECONDS: z.coerce.number().min(1).max(86_400).default(300),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /**
   * On SIGTERM, how long /api/ready answers 503 while requests are still served, before the
   * server stops taking connections: long enough for a load balancer's health check to notice.
   */
  SHUTDOWN_DRAIN_SECONDS: z.coerce.number().min(0).max(300).default(0),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly sqliteFile: string;
  readonly databaseUrl: string | undefined;
  readonly publicUrl: string | undefined;
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  readonly trustProxy: boolean;
  readonly sessionIdleMinutes: number;
  readonly sessionMaxDays: number;
  readonly rateLimitAuthPerMinute: number;
  readonly signInFailuresPerAccount: number;
  readonly signInFailuresPerAddress: number;
  readonly webDistDir: string;
  /** Uploaded resource files live here (under the data directory by default). */
  readonly uploadDir: string;
  readonly maxUploadBytes: number;
  readonly runJobs: boolean;
  readonly jobPollMs: number;
  readonly jobLeaseMs: number;
  readonly isProduction: boolean;
  readonly shutdownDrainMs: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  // `DATABASE_URL=` in a shell or .env file means "not set", not "invalid".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  // Paths derived from the data directory follow an overridden one, unless overridden themselves.
  const dataDir = overrides.dataDir ?? path.resolve(e.TANDEM_DATA_DIR);
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxDays: e.SESSION_MAX_DAYS,
    rateLimitAuthPerMinute: e.RATE_LIMIT_AUTH_PER_MINUTE,
    signInFailuresPerAccount: e.SIGN_IN_FAILURES_PER_ACCOUNT,
    signInFailuresPerAddress: e.SIGN_IN_FAILURES_PER_ADDRESS,
    webDistDir: path.resolve('dist/web'),
    maxUploadBytes: e.MAX_UPLOAD_MB * 1024 * 1024,
    runJobs: e.RUN_JOBS,
    jobPollMs: Math.round(e.JOB_POLL_SECONDS * 1000),
    jobLeaseMs: Math.round(e.JOB_LEASE_SECONDS * 1000),
    isProduction: e.NODE_ENV === 'production',
    shutdownDrainMs: Math.round(e.SHUTDOWN_DRAIN_SECONDS * 1000),
    ...overrides,
    dataDir,
    sqliteFile: overrides.sqliteFile ?? path.join(dataDir, 'tandem.sqlite'),
    uploadDir: overrides.uploadDir ?? path.join(dataDir, 'uploads'),
  });
}

/**
 * The demo's configuration: its own data directory (database and uploads) under the configured
 * one, SQLite whatever DATABASE_URL says, and — as its password is printed for anyone to read —
 * listening on this machine only unless HOST is set.
 */
export function loadDemoConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const base = loadConfig(env);
  return loadConfig({ ...env, TANDEM_DATA_DIR: path.join(base.dataDir, 'demo'), DATABASE_URL: '', HOST: env.HOST || '127.0.0.1' });
}

/** Where links in e-mails point. Never taken from the request's Host header, which a caller controls. */
export function appOrigin(config: Pick<Config, 'publicUrl' | 'port'>): string {
  return config.publicUrl ?? `http://localhost:${config.port}`;
}
