// `tandem match --period P --as EMAIL [--approve]`: the committee's run from the command line. The
// matching-runs services do the work exactly as for the Matching page — the run is saved with the
// period's weights, pair rules and wishes, computed in a worker thread, and approval is the page's
// own transaction and e-mails — and this file only reports on them and writes the CSV.
import { writeFile } from 'node:fs/promises';
import { stringify } from 'csv-stringify/sync';
import { loadConfig } from '../config.ts';
import { formulaSafe } from '../csv/spreadsheet-cell.ts';
import { approveRun } from '../features/matching-runs/matching-approval.service.ts';
import { getRun, getWorkspace, startRun } from '../features/matching-runs/matching-runs.service.ts';
import { runExecutorFor } from '../features/matching-runs/run-executor.ts';
import type { Objective } from '../matching/assignment-types.ts';
import type { MatchingRun, RunResult } from '../shared/api/matching.ts';
import { startRunBodySchema } from '../shared/api/matching.ts';
import { actingAs, periodNamed, progressBar } from './command-context.ts';
import type { CommandIo } from './import-applications.ts';
import { withDeps } from './with-deps.ts';

export interface PeriodMatchOptions {
  readonly period: string;
  readonly as: string;
  readonly approve: boolean;
  readonly out?: string | undefined;
  readonly objective?: Objective | undefined;
  readonly minScore?: number | undefined;
  /** Progress bar on stderr. */
  readonly progress: boolean;
}

/** How often the bar reads the run's progress from the database (the executor writes it every 250 ms). */
const POLL_MS = 500;

/** One row per mentee of the run, matched first (best score first), then the unmatched. */
export function periodProposalCsv(result: RunResult): string {
  const text = (s: string) => formulaSafe(s);
  const pairs = [...result.pairs]
    .sort((a, b) => b.score - a.score || a.menteeName.localeCompare(b.menteeName))
    .map((p) => [
      p.menteeApplicationId,
      text(p.menteeName),
      p.mentorApplicationId,
      text(p.mentorName),
      p.score.toFixed(2),
      p.locked ? 'yes' : 'no',
      text(p.explanation),
    ]);
  const unmatched = result.unmatched.map((u) => [u.menteeApplicationId, text(u.menteeName), '', '', '', '', text(u.explanation)]);
  return stringify(
    [['mentee_application_id', 'mentee', 'mentor_application_id', 'mentor', 'score', 'locked', 'explanation'], ...pairs, ...unmatched],
    { record_delimiter: 'unix' },
  );
}

const slug = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-') || 'period';

const fmt = (n: number | null) => (n === null ? '-' : n.toFixed(1));

/** Waits for the run to finish, drawing its progress. */
async function followRun(
  deps: Parameters<typeof getRun>[0],
  runId: number,
  settled: Promise<void>,
  showBar: boolean,
): Promise<MatchingRun> {
  const bar = progressBar('Matching', showBar);
  let done = false;
  void settled.finally(() => (done = true));
  try {
    while (!done) {
      const run = await getRun(deps, runId);
      bar.update(Math.round(run.progress * 100), 100);
      await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, POLL_MS))]);
    }
    const run = await getRun(deps, runId);
    if (run.status === 'done') bar.update(100, 100);
    return run;
  } finally {
    bar.stop();
  }
}

export async function runPeriodMatch(options: PeriodMatchOptions, io: CommandIo): Promise<boolean> {
  return withDeps(loadConfig(), async (deps) => {
    const period = await periodNamed(deps, options.period);
    const actor = await actingAs(deps, options.as, ['staff', 'committee'], 'run the matching');
    // Approval refuses a period outside its matching phase anyway; said before a run is made for nothing.
    if (options.approve && period.status !== 'matching') {
      io.writeErr(
        `--approve: matches can be approved only while the period is in its matching phase, and "${period.name}" is ${period.status.replace(/_/g, ' ')}. Move it to matching on the Periods page first, or leave out --approve.\n`,
      );
      return false;
    }
    // As the Matching page starts a run: the latest run's settings unless told otherwise.
    const { latestRun, pool } = await getWorkspace(deps, period.id);
    const body = startRunBodySchema.safeParse({
      objective: options.objective ?? latestRun?.objective ?? 'most-matched',
      minScore: options.minScore === undefined ? (latestRun?.minScore ?? null) : options.minScore,
    });
    if (!body.success) {
      io.writeErr(`--min-score: ${body.error.issues[0]?.message ?? 'not a score'} (use a number from 0 to 100).\n`);
      return false;
    }
    const executor = runExecutorFor(deps);
    let run: MatchingRun;
    try {
      const started = await startRun(deps, executor, actor, period.id, body.data);
      run = await followRun(deps, started.id, executor.settled(started.id), options.progress);
    } finally {
      // Stops a run still going (an error above); one that finished is already written.
      await executor.close();
    }
    if (run.status !== 'done' || !run.result) {
      io.writeErr(`The matching run ${run.id} did not finish: ${run.error ?? run.status}\n`);
      return false;
    }
    const out = options.out ?? `matching-${slug(period.name)}-run-${run.id}.csv`;
    await writeFile(out, periodProposalCsv(run.result), 'utf8');
    const s = run.result.summary;
    const lines = [
      `Run ${run.id} for "${period.name}": matched ${s.matched} of ${s.matched + s.unmatched} mentees (${s.unmatched} unmatched) with ${pool.mentors} mentors.`,
      `Mean score ${fmt(s.meanScore)}, worst ${fmt(s.worstScore)}.`,
      ...(run.result.notes ?? []).map((n) => `Note: ${n}`),
      `Wrote ${out}.`,
    ];
    io.writeOut(`${lines.join('\n')}\n`);
    if (!options.approve) {
      io.writeOut(`To make these the matches, approve run ${run.id} on the Matching page, or run this again with --approve.\n`);
      return true;
    }
    const approved = await approveRun(deps, actor, run.id);
    io.writeOut(
      `Approved: ${approved.matchesCreated} matches created; both partners of each and ${approved.unmatchedNotified} people left unmatched were e-mailed. "${period.name}" is now ${approved.period.status}.\n`,
    );
    return true;
  });
}
