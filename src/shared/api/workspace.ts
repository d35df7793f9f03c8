import { z } from 'zod';
import { CHANNELS } from '../channels.ts';
import { MATCH_STATUSES } from '../match-status.ts';
import { dateOnlySchema, instantSchema } from './common.ts';

/**
 * A match's workspace: what the two people (and staff) see on the match page. Partner details
 * come from the applications, but only what a partner may see: never confidential preferences,
 * hopes or eligibility answers.
 */
export const workspacePersonSchema = z.object({
  userId: z.number(),
  role: z.enum(['mentor', 'mentee']),
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  jobTitle: z.string(),
  employer: z.string(),
  region: z.string(),
  timeZone: z.string(),
  channels: z.array(z.enum(CHANNELS)),
  languages: z.array(z.string()),
});
export type WorkspacePerson = z.infer<typeof workspacePersonSchema>;

/** Where the pair's goal sheet stands; 'not_started' when nobody has saved one yet. */
export const WORKSPACE_SHEET_STATES = ['not_started', 'draft', 'submitted', 'returned', 'acknowledged'] as const;
export const workspaceSheetStateSchema = z.enum(WORKSPACE_SHEET_STATES);
export type WorkspaceSheetState = z.infer<typeof workspaceSheetStateSchema>;

/** A date that matters and how many calendar days are left until it (negative once it has passed). */
const countdownSchema = z.object({ on: dateOnlySchema, daysLeft: z.number() });

export const matchWorkspaceSchema = z.object({
  match: z.object({
    id: z.number(),
    periodId: z.number(),
    periodName: z.string(),
    status: z.enum(MATCH_STATUSES),
    matchedAt: instantSchema,
    /** Staff: the pair's reasons as stored, for and against. The pair: only what speaks for it ('' when nothing does). */
    explanation: z.string(),
  }),
  /** 'staff' when someone from the program office looks at a match they are not part of. */
  myRole: z.enum(['mentor', 'mentee', 'staff']),
  /** The partner, for a mentor or mentee; both people (mentee first) for staff. */
  people: z.array(workspacePersonSchema),
  /** The pair's liaison: a member of the matching committee they may turn to; null when none is assigned. */
  liaison: z.object({ userId: z.number(), name: z.string(), email: z.string() }).nullable(),
  dates: z.object({
    /** The program's time zone: every date here is a calendar date there. */
    timeZone: z.string(),
    today: dateOnlySchema,
    matchedOn: dateOnlySchema,
    goalSheet: countdownSchema.extend({ status: workspaceSheetStateSchema }),
    /** Null when the program has no re-match guarantee. */
    guaranteeCloses: countdownSchema.nullable(),
    programEnds: countdownSchema,
  }),
  /** Both live in the same region and both said they would meet in person. */
  meetInPersonHint: z.boolean(),
  contact: z.object({
    /** The program's suggestion, e.g. 2 = at least twice a month. */
    contactsPerMonth: z.number(),
    lastContactOn: dateOnlySchema.nullable(),
    /** Contacts logged in the current calendar month, in the program's time zone. */
    contactsThisMonth: z.number(),
    quietAfterWeeks: z.number(),
    /** No contact logged for quietAfterWeeks weeks since the match or the last contact. */
    quiet: z.boolean(),
  }),
  /** Program goals both applications chose (program_goals.id, ascending). */
  sharedProgramGoalIds: z.array(z.number()),
  /** A few resources for the viewer: everyone's, plus the mentors' or mentees' own. */
  resources: z.array(z.object({ id: z.number(), title: z.string(), kind: z.enum(['video', 'document', 'link']), topic: z.string() })),
});
export type MatchWorkspace = z.infer<typeof matchWorkspaceSchema>;
