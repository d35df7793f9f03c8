import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Deps } from '../../deps.ts';
import { deliverRecorded } from '../notifications/mail.service.ts';
import type { JobHandlers, JobOutcome, RecurringJob } from './job-handler.ts';
import { afterFailure, errorSummary, recurringKey } from './job.rules.ts';
import { claimJobs, enqueue, fenceJob, findJobByKey, finishJob, releaseFailedJob, unclaimJob } from './jobs.store.ts';
import type { JobRecord } from './jobs.store.ts';

export interface JobRunnerOptions {
  handlers: JobHandlers;
  recurring?: readonly RecurringJob[];
  /** How long a claimed job is this worker's before another may take it back. Defaults to config.jobLeaseMs. */
  leaseMs?: number;
  /** How many due jobs one poll claims. */
  batchSize?: number;
  /** Defaults to hostname:pid:random, unique per runner. */
  workerId?: string;
  /** Defaults to config.jobPollMs. */
  pollMs?: number;
}

/** What happened to one claimed job. "lost" = another worker had taken it over; nothing was done. */
export type JobResult = 'done' | 'skipped' | 'retry' | 'failed' | 'lost' | 'released';

export interface RunReport {
  claimed: number;
  jobs: { id: number; kind: string; dedupeKey: string; result: JobResult }[];
  /** Whether a job queued more of its work to run now (JobOutcome's queuedMore). */
  queuedMore: boolean;
}

const DEFAULT_BATCH = 10;

export function newWorkerId(): string {
  return `${os.hostname().slice(0, 60)}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/**
 * Works the job queue: every poll it makes sure the current slot of each recurring job exists,
 * claims a small batch of due jobs and runs them one by one. Any number of runners, in any
 * number of processes, may work the same database: claims are atomic and every write is fenced
 * by the lease (see jobs.store.ts). `runOnce` is the whole of one poll, for tests and the CLI.
 */
export class JobRunner {
  readonly workerId: string;
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private readonly pollMs: number;
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;
  private stopping = false;
  private started = false;

  constructor(
    private readonly deps: Deps,
    private readonly options: JobRunnerOptions,
  ) {
    this.workerId = options.workerId ?? newWorkerId();
    this.leaseMs = options.leaseMs ?? deps.config.jobLeaseMs;
    this.batchSize = options.batchSize ?? DEFAULT_BATCH;
    this.pollMs = options.pollMs ?? deps.config.jobPollMs;
  }

  /** True between start() and stop(). */
  get running(): boolean {
    return this.started && !this.stopping;
  }

  /**
   * Polls now and then every pollMs, or at once after a poll that claimed a full batch; a poll
   * starts only after the previous one ended.
   */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.stopping = false;
    this.deps.log.info({ workerId: this.workerId, pollMs: this.pollMs }, 'job worker started');
    this.schedule(0);
  }

  /** Stops polling and waits for the job in hand; claimed jobs not yet started go back on the queue. */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.stopping = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.inFlight;
    this.started = false;
    this.deps.log.info({ workerId: this.workerId }, 'job worker stopped');
  }

  private schedule(delayMs: number): void {
    // unref: a pending poll never keeps the process alive on its own.
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // A full batch means more may be due (a thousand reminders at 09:00), as does a job that
      // queued its next batch: the next poll comes at once, after a turn of the event loop,
      // rather than a poll interval later.
      let more = false;
      this.inFlight = this.runOnce()
        .then(
          (report) => {
            more = report.claimed >= this.batchSize || report.queuedMore;
          },
          (err: unknown) => this.deps.log.error({ err, workerId: this.workerId }, 'job poll failed; trying again at the next poll'),
        )
        .finally(() => {
          this.inFlight = undefined;
          if (!this.stopping) this.schedule(more ? 0 : this.pollMs);
        });
    }, delayMs);
    this.timer.unref();
  }

  /**
   * One poll. `now` pins the time for the whole poll (tests); by default each step reads the clock.
   */
  async runOnce(now?: Date): Promise<RunReport> {
    const clock = () => now ?? this.deps.clock.now();
    await this.ensureRecurring(clock());
    const claimed = await claimJobs(this.deps.db, {
      dialect: this.deps.dialect,
      workerId: this.workerId,
      now: clock(),
      leaseMs: this.leaseMs,
      limit: this.batchSize,
    });
    const report: RunReport = { claimed: claimed.length, jobs: [], queuedMore: false };
    for (const job of claimed) {
      const ran = this.stopping ? { result: await this.release(job, clock()), queuedMore: false } : await this.runJob(job, clock());
      report.jobs.push({ id: job.id, kind: job.kind, dedupeKey: job.dedupeKey, result: ran.result });
      report.queuedMore ||= ran.queuedMore;
    }
    return report;
  }

  private async ensureRecurring(now: Date): Promise<void> {
    for (const r of this.options.recurring ?? []) {
      const { dedupeKey, runAt } = recurringKey(r.kind, now, r.everyMs);
      // Look first: most polls find the slot's job already there and write nothing.
      if (await findJobByKey(this.deps.db, dedupeKey)) continue;
      await enqueue(this.deps.db, now, {
        kind: r.kind,
        dedupeKey,
        runAt,
        ...(r.maxAttempts !== undefined && { maxAttempts: r.maxAttempts }),
      });
    }
  }

  private async release(job: JobRecord, now: Date): Promise<JobResult> {
    await unclaimJob(this.deps.db, job.id, this.workerId, now);
    return 'released';
  }

  /**
   * Runs one claimed job in one transaction: fence, handler, mark done. Commits, then hands the
   * recorded mail to SMTP. A failure rolls everything back and reschedules the job (or fails it).
   */
  private async runJob(job: JobRecord, now: Date): Promise<{ result: JobResult; queuedMore: boolean }> {
    const ended = (result: JobResult) => ({ result, queuedMore: false });
    const { deps } = this;
    const log = { jobId: job.id, kind: job.kind, workerId: this.workerId, attempt: job.attempts };
    // Own keys only: a kind named "toString" must not find Object.prototype's.
    const handler = Object.hasOwn(this.options.handlers, job.kind) ? this.options.handlers[job.kind] : undefined;
    if (!handler) {
      // Nothing will ever run it: fail at once with a clear message, and carry on with the next.
      const error = `No handler for jobs of kind "${job.kind}" in this version of Tandem.`;
      deps.log.error(log, error);
      return ended((await releaseFailedJob(deps.db, job.id, this.workerId, { runAt: null, error, now })) ? 'failed' : 'lost');
    }
    if (job.attempts > job.maxAttempts) {
      // Claimed again and again without ever finishing: its worker keeps dying on it.
      const error = `Stopped after ${job.maxAttempts} attempts: the worker running it stopped each time.`;
      deps.log.error(log, error);
      return ended((await releaseFailedJob(deps.db, job.id, this.workerId, { runAt: null, error, now })) ? 'failed' : 'lost');
    }

    let outcome: JobOutcome | 'lost';
    try {
      outcome = await deps.db.transaction().execute(async (trx) => {
        if (!(await fenceJob(trx, job.id, this.workerId, now, this.leaseMs))) return 'lost' as const;
        const result = await handler({ job, now, trx, deps });
        const outboxId = result.status === 'done' ? (result.outboxIds?.[0] ?? null) : null;
        const note = result.status === 'skipped' ? result.reason : null;
        if (!(await finishJob(trx, job.id, this.workerId, { status: result.status, outboxId, note, now }))) {
          // Cannot happen while the fence holds; if it does, roll back rather than guess.
          throw new Error('The job changed hands while it ran.');
        }
        return result;
      });
    } catch (err) {
      const error = errorSummary(err);
      const next = afterFailure(job, now);
      const released = await releaseFailedJob(deps.db, job.id, this.workerId, {
        runAt: next.status === 'failed' ? null : next.runAt,
        error,
        now,
      });
      if (!released) return ended('lost');
      deps.log.warn({ ...log, error, next: next.status === 'failed' ? 'failed' : next.runAt.toISOString() }, 'job attempt failed');
      return ended(next.status === 'failed' ? 'failed' : 'retry');
    }

    if (outcome === 'lost') {
      deps.log.info(log, 'job was taken over by another worker; left to it');
      return ended('lost');
    }
    if (outcome.status === 'done' && outcome.outboxIds && outcome.outboxIds.length > 0) {
      // After commit, never retried here: a message SMTP refused stays in the outbox as failed,
      // for staff to see; sending it again could reach someone twice.
      try {
        await deliverRecorded(deps, [...outcome.outboxIds]);
      } catch (err) {
        deps.log.error({ ...log, err }, 'could not record the delivery result of a job’s e-mail');
      }
    }
    return { result: outcome.status, queuedMore: outcome.status === 'done' && outcome.queuedMore === true };
  }
}
