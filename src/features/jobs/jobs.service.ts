// What other features may use of this feature's stores, inside their own transactions: named
// here so the list is explicit (the lint rule boundaries/dependencies keeps other features
// out of the stores themselves).
export {
  cancelScheduledJob,
  enqueueMany,
  jobsByDedupeKey,
  pruneFinishedJobs,
  rescheduleUntriedJob,
  reviveSkippedJob,
  skipScheduledJob,
} from './jobs.store.ts';
export type { NewJob } from './jobs.store.ts';
export { PEOPLE_PER_JOB, queueNextBatch } from './job-batches.ts';
