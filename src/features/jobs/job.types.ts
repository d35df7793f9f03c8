/**
 * Where a job is in its life (docs/decisions/0006-job-queue.md): scheduled → running → done,
 * skipped or failed (a failed attempt goes back to scheduled until the attempts are used up); a
 * job still waiting can also be cancelled by staff or skipped by a planner.
 */
export const JOB_STATUSES = ['scheduled', 'running', 'done', 'skipped', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
