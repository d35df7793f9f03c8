// `tandem match --mentors A --mentees B`: the engine on two CSV files, no database.
import { readFile, writeFile } from 'node:fs/promises';
import cliProgress from 'cli-progress';
import { stringify } from 'csv-stringify/sync';
import type { Objective, Proposal } from '../matching/index.ts';
import { MatchingInputError, proposeMatches, weightsSchema } from '../matching/index.ts';
import type { Weights } from '../matching/weights.ts';
import { formatProblem, parseProfilesCsv } from '../matching-csv/profiles-csv.ts';

export interface MatchCommandOptions {
  readonly mentors: string;
  readonly mentees: string;
  readonly out: string;
  readonly weights?: string;
  readonly objective?: Objective;
  readonly minScore?: number;
  /** ISO instant for time-zone offsets; default now. */
  readonly referenceDate?: string;
}

export interface MatchIo {
  readonly writeOut: (text: string) => void;
  readonly writeErr: (text: string) => void;
  /** Show a progress bar on stderr (default: when stderr is a terminal, or for big runs). */
  readonly progress?: boolean;
}

/** Runs above this many pairs take seconds; they get progress output even without a terminal. */
const LONG_RUN_PAIRS = 5_000_000;

function fmt(n: number | null): string {
  return n === null ? '-' : n.toFixed(1);
}

/** The output CSV: one row per mentee, in the mentees' input order. */
export function proposalCsv(menteeIds: readonly string[], proposal: Proposal): string {
  const pairs = new Map(proposal.pairs.map((p) => [p.menteeId, p]));
  const unmatched = new Map(proposal.unmatched.map((u) => [u.menteeId, u]));
  const rows = menteeIds.map((id) => {
    const pair = pairs.get(id);
    if (pair !== undefined) return [id, pair.mentorId, pair.score.toFixed(2), pair.explanation];
    return [id, '', '', unmatched.get(id)?.explanation ?? ''];
  });
  return stringify([['mentee_id', 'mentor_id', 'score', 'explanation'], ...rows], { record_delimiter: 'unix' });
}

async function loadWeights(file: string): Promise<Weights | string> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    return `${file}: cannot read weights: ${(error as Error).message}`;
  }
  const parsed = weightsSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  return parsed.error.issues.map((i) => `${file}: ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n');
}

/**
 * `tandem match --mentors --mentees`, minus commander: reads the files, proposes, writes the CSV, prints a summary.
 * Returns true on success. On bad input it prints every problem and writes nothing.
 */
export async function runMatch(options: MatchCommandOptions, io: MatchIo): Promise<boolean> {
  const started = performance.now();
  const errors: string[] = [];
  const read = async (file: string): Promise<string | undefined> => {
    try {
      return await readFile(file, 'utf8');
    } catch (error) {
      errors.push(`${file}: cannot read: ${(error as Error).message}`);
      return undefined;
    }
  };
  const [mentorText, menteeText] = await Promise.all([read(options.mentors), read(options.mentees)]);
  const mentors = mentorText === undefined ? undefined : parseProfilesCsv(mentorText, 'mentor', options.mentors);
  const mentees = menteeText === undefined ? undefined : parseProfilesCsv(menteeText, 'mentee', options.mentees);
  for (const result of [mentors, mentees]) for (const p of result?.problems ?? []) errors.push(formatProblem(p));
  let weights: Weights | undefined;
  if (options.weights !== undefined) {
    const loaded = await loadWeights(options.weights);
    if (typeof loaded === 'string') errors.push(loaded);
    else weights = loaded;
  }
  const referenceDate = options.referenceDate === undefined ? new Date() : new Date(options.referenceDate);
  if (Number.isNaN(referenceDate.getTime())) errors.push(`--reference-date: not a date: "${options.referenceDate}"`);
  if (errors.length > 0 || mentors === undefined || mentees === undefined) {
    io.writeErr(`${errors.join('\n')}\nNothing was written.\n`);
    return false;
  }

  const pairs = mentors.profiles.length * mentees.profiles.length;
  const showProgress = io.progress ?? (process.stderr.isTTY === true || pairs >= LONG_RUN_PAIRS);
  const bar = showProgress
    ? new cliProgress.SingleBar(
        {
          stream: process.stderr,
          format: 'Matching [{bar}] {percentage}% | {eta}s left',
          noTTYOutput: true,
          notTTYSchedule: 2000,
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  bar?.start(100, 0);
  let proposal: Proposal;
  try {
    proposal = proposeMatches({
      mentees: mentees.profiles,
      mentors: mentors.profiles,
      weights,
      minScore: options.minScore,
      objective: options.objective,
      referenceDate,
      onProgress: bar && ((f) => bar.update(Math.round(f * 100))),
    });
  } catch (error) {
    bar?.stop();
    if (error instanceof MatchingInputError) {
      io.writeErr(`${error.message}\nNothing was written.\n`);
      return false;
    }
    throw error;
  } finally {
    bar?.stop();
  }

  await writeFile(
    options.out,
    proposalCsv(
      mentees.profiles.map((p) => p.id),
      proposal,
    ),
    'utf8',
  );
  const s = proposal.summary;
  const seconds = (performance.now() - started) / 1000;
  io.writeOut(
    [
      `Matched ${s.matched} of ${s.matched + s.unmatched} mentees (${s.unmatched} unmatched) with ${mentors.profiles.length} mentors.`,
      `Total score ${fmt(s.total)}, mean ${fmt(s.meanScore)}, worst ${fmt(s.worstScore)}.`,
      `Wrote ${options.out} in ${seconds.toFixed(1)} s.`,
      '',
    ].join('\n'),
  );
  return true;
}
