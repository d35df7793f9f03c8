import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Dialect } from './db/create-db.ts';
import type { Database } from './db/database.ts';
import type { Mailer } from './features/notifications/mailer.ts';
import type { Clock } from './time/clock.ts';

/** Everything a service may use, passed in: no module reaches for a global. */
export interface Deps {
  db: Kysely<Database>;
  dialect: Dialect;
  config: Config;
  clock: Clock;
  mailer: Mailer;
  log: Logger;
  /**
   * Set by the server when it has been asked to stop and is draining: /api/ready answers 503 so a
   * load balancer sends nobody new, while requests already sent are still answered.
   */
  draining?: { readonly now: boolean };
}
