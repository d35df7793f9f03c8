import { MINUTE_MS } from '../../time/clock.ts';

/** A running run whose heartbeat is older than this lost its instance (crash, deploy, kill). */
export const HEARTBEAT_TIMEOUT_MS = 2 * MINUTE_MS;

export const INTERRUPTED_MESSAGE = 'Interrupted: the server running this match stopped before it finished; run it again.';

/** Whether a run marked running can no longer finish, judged at `now`. */
export function isInterrupted(run: { status: string; heartbeatAt: string | null; createdAt: string }, now: Date): boolean {
  if (run.status !== 'running') return false;
  const last = Date.parse(run.heartbeatAt ?? run.createdAt);
  return !(now.getTime() - last <= HEARTBEAT_TIMEOUT_MS);
}
