import { stringify } from 'csv-stringify/sync';
import type { MentorProfile } from '../../src/matching/profiles.ts';

/** Applications as the CSV `tandem match` reads (the inverse of parseProfilesCsv). */
export function profilesToCsv(profiles: readonly MentorProfile[], kind: 'mentor' | 'mentee'): string {
  const header = [
    'id',
    'name',
    'email',
    'employer',
    'workplace_type',
    'years_experience',
    'region',
    'time_zone',
    'interests',
    'program_goals',
    'channels',
    'languages',
    'meet_in_person',
    'prefer_same_gender',
    'gender',
    ...(kind === 'mentor' ? ['capacity'] : []),
  ];
  const yesNo = (b: boolean | undefined): string => (b === undefined ? '' : b ? 'yes' : 'no');
  const rows = profiles.map((p) => [
    p.id,
    p.name ?? '',
    p.email ?? '',
    p.employer ?? '',
    p.workplaceType ?? '',
    p.yearsExperience ?? '',
    p.region ?? '',
    p.timeZone ?? '',
    (p.interests ?? []).join(';'),
    (p.programGoals ?? []).join(';'),
    (p.channels ?? []).join(';'),
    (p.languages ?? []).join(';'),
    yesNo(p.meetInPerson),
    yesNo(p.preferences?.preferSameGender),
    p.preferences?.gender ?? '',
    ...(kind === 'mentor' ? [p.capacity ?? 1] : []),
  ]);
  return stringify([header, ...rows]);
}
