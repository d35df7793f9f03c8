import { compiledOnce } from '../../db/compiled-once.ts';
import { memoUnlessChanged } from '../../db/unchanged-cache.ts';
import type { Executor } from '../../db/executor.ts';
import type { ProgramSettingsTable } from '../../db/database.ts';
import { storedValue, storedValues } from '../../db/stored-value.ts';
import { GOAL_SHEET_SUBMITTERS } from '../../shared/api/settings.ts';
import type { EligibilityQuestion, GoalSheetSubmitter } from '../../shared/api/settings.ts';
import { CHANNELS } from '../../shared/channels.ts';
import type { Channel } from '../../shared/channels.ts';

export interface Contact {
  name: string;
  email: string;
}

/** Who signs the recognition letters. */
export interface LetterSigner {
  name: string;
  title: string;
}

export interface ProgramSettings {
  programName: string;
  timeZone: string;
  goalSheetDeadlineDays: number;
  goalsPerSheetMin: number;
  goalsPerSheetMax: number;
  guaranteeWindowDays: number;
  contactsPerMonth: number;
  goalSheetSubmitter: GoalSheetSubmitter;
  quietAfterWeeks: number;
  /** The matching committee may act on the re-match queue; otherwise it reads it. */
  committeeHandlesRematch: boolean;
  /** Survey results hide any group of respondents smaller than this. */
  surveyMinGroupSize: number;
  /** Participant choice: mentors a mentee may ask at once, and the days a mentor has to answer. */
  requestsAtOnce: number;
  requestExpiryDays: number;
  channels: Channel[];
  eligibilityQuestions: EligibilityQuestion[];
  /** Suggested interests and areas of expertise, in the staff's order. */
  interestVocabulary: string[];
  goalSheetContact: Contact | null;
  trainingContact: Contact | null;
  letterSigner: LetterSigner | null;
  updatedAt: string;
}

const parseJson = <T>(text: string | null, fallback: T): T => (text === null ? fallback : (JSON.parse(text) as T));

function toSettings(r: ProgramSettingsTable): ProgramSettings {
  return {
    programName: r.program_name,
    timeZone: r.time_zone,
    goalSheetDeadlineDays: r.goal_sheet_deadline_days,
    goalsPerSheetMin: r.goals_per_sheet_min,
    goalsPerSheetMax: r.goals_per_sheet_max,
    guaranteeWindowDays: r.guarantee_window_days,
    contactsPerMonth: r.contacts_per_month,
    goalSheetSubmitter: storedValue('program_settings', 'goal_sheet_submitter', GOAL_SHEET_SUBMITTERS, r.goal_sheet_submitter),
    quietAfterWeeks: r.quiet_after_weeks,
    committeeHandlesRematch: r.committee_handles_rematch === 1,
    surveyMinGroupSize: r.survey_min_group_size,
    requestsAtOnce: r.requests_at_once,
    requestExpiryDays: r.request_expiry_days,
    channels: storedValues('program_settings', 'channels', CHANNELS, parseJson<unknown>(r.channels, [])),
    eligibilityQuestions: parseJson<EligibilityQuestion[]>(r.eligibility_questions, []),
    interestVocabulary: parseJson<string[]>(r.interest_vocabulary, []),
    goalSheetContact: parseJson<Contact | null>(r.goal_sheet_contact, null),
    trainingContact: parseJson<Contact | null>(r.training_contact, null),
    letterSigner: parseJson<LetterSigner | null>(r.letter_signer, null),
    updatedAt: r.updated_at,
  };
}

function toRow(s: Omit<ProgramSettings, 'updatedAt'>) {
  return {
    program_name: s.programName,
    time_zone: s.timeZone,
    goal_sheet_deadline_days: s.goalSheetDeadlineDays,
    goals_per_sheet_min: s.goalsPerSheetMin,
    goals_per_sheet_max: s.goalsPerSheetMax,
    guarantee_window_days: s.guaranteeWindowDays,
    contacts_per_month: s.contactsPerMonth,
    goal_sheet_submitter: s.goalSheetSubmitter,
    quiet_after_weeks: s.quietAfterWeeks,
    committee_handles_rematch: s.committeeHandlesRematch ? 1 : 0,
    survey_min_group_size: s.surveyMinGroupSize,
    requests_at_once: s.requestsAtOnce,
    request_expiry_days: s.requestExpiryDays,
    channels: JSON.stringify(s.channels),
    eligibility_questions: JSON.stringify(s.eligibilityQuestions),
    interest_vocabulary: JSON.stringify(s.interestVocabulary),
    goal_sheet_contact: s.goalSheetContact ? JSON.stringify(s.goalSheetContact) : null,
    training_contact: s.trainingContact ? JSON.stringify(s.trainingContact) : null,
    letter_signer: s.letterSigner ? JSON.stringify(s.letterSigner) : null,
  };
}

/** Asked by most requests (the time zone every date is in). */
const settingsRow = compiledOnce((db) => db.selectFrom('program_settings').selectAll().where('id', '=', 1));

/**
 * The program's settings. Nearly every request asks (the time zone every date is in), and they
 * change a few times a year: on SQLite the settings read are kept until program_settings is
 * written (unchanged-cache.ts), so a request reads neither the row nor its six JSON columns again.
 * Callers only read what they get (under tests a kept answer is frozen, so a change would throw).
 */
export async function findSettings(db: Executor): Promise<ProgramSettings | undefined> {
  return memoUnlessChanged(
    db,
    'program settings',
    async () => {
      const [row] = (await db.executeQuery(settingsRow(db))).rows;
      return row && toSettings(row);
    },
    { reads: ['program_settings'] },
  );
}

export async function insertSettings(db: Executor, s: Omit<ProgramSettings, 'updatedAt'>, at: string): Promise<void> {
  await db
    .insertInto('program_settings')
    .values({ id: 1, ...toRow(s), created_at: at, updated_at: at })
    .execute();
}

export async function saveSettings(db: Executor, s: Omit<ProgramSettings, 'updatedAt'>, at: string): Promise<void> {
  await db
    .updateTable('program_settings')
    .set({ ...toRow(s), updated_at: at })
    .where('id', '=', 1)
    .execute();
}
