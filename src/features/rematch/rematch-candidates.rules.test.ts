import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, proposeMatches } from '../../matching/index.ts';
import { APPLICATION_STATUSES } from '../../shared/application-vocabulary.ts';
import { menteeProfile, mentorProfile, profileId } from '../matching-runs/application-profiles.ts';
import { testApplication } from '../matching-runs/test-application.ts';
import type { CandidateInput } from './rematch-candidates.rules.ts';
import { CANDIDATE_STATUSES, findCandidates, findCandidatesInSteps } from './rematch-candidates.rules.ts';

const AT = Date.parse('2026-10-20T15:00:00Z');
const INTERESTS = ['storytime', 'outreach', 'teen services', 'cataloguing', 'makerspaces'];
const ZONES = ['America/Chicago', 'America/New_York', 'Europe/London', 'Asia/Tokyo'];

/** A random period: people on both sides with random answers, statuses, loads, history and rules. */
const period = fc
  .record({
    side: fc.constantFrom('mentee' as const, 'mentor' as const),
    others: fc.array(
      fc.record({
        status: fc.constantFrom(...APPLICATION_STATUSES),
        interests: fc.subarray(INTERESTS),
        zone: fc.constantFrom(...ZONES),
        years: fc.integer({ min: 0, max: 30 }),
        capacity: fc.integer({ min: 1, max: 3 }),
        load: fc.integer({ min: 0, max: 3 }),
        previous: fc.boolean(),
        rule: fc.constantFrom('none', 'none', 'forbid', 'lock-other', 'lock-me'),
        sameEmployer: fc.boolean(),
      }),
      { maxLength: 25 },
    ),
  })
  .map(({ side, others }) => {
    const otherSide = side === 'mentee' ? 'mentor' : 'mentee';
    const person = testApplication(1, side, { employer: 'Home Library', interests: ['storytime'] }, { status: 'matched' });
    const apps = others.map((o, k) =>
      testApplication(
        k + 2,
        otherSide,
        {
          interests: o.interests,
          timeZone: o.zone,
          yearsExperience: o.years,
          capacity: o.capacity,
          employer: o.sameEmployer ? 'home library ' : `Library ${k}`,
        },
        { status: o.status },
      ),
    );
    const input: CandidateInput = {
      person,
      periodApplications: [person, ...apps],
      activeLoads: new Map(
        apps.map((a, k) => [
          a.userId,
          otherSide === 'mentor' ? { mentor: others[k]!.load, mentee: 0 } : { mentor: 0, mentee: Math.min(1, others[k]!.load) },
        ]),
      ),
      previousPartnerUserIds: new Set(apps.filter((_, k) => others[k]!.previous).map((a) => a.userId)),
      pairRules: apps.flatMap((a, k): CandidateInput['pairRules'] => {
        const rule = others[k]!.rule;
        if (rule === 'none') return [];
        const [mentee, mentor] = side === 'mentee' ? [person.id, a.id] : [a.id, person.id];
        if (rule === 'forbid') return [{ kind: 'forbid' as const, menteeApplicationId: mentee, mentorApplicationId: mentor }];
        if (rule === 'lock-me') return [{ kind: 'lock' as const, menteeApplicationId: mentee, mentorApplicationId: mentor }];
        // Locked to a third person.
        return [
          side === 'mentee'
            ? { kind: 'lock' as const, menteeApplicationId: 999, mentorApplicationId: a.id }
            : { kind: 'lock' as const, menteeApplicationId: a.id, mentorApplicationId: 999 },
        ];
      }),
      weights: DEFAULT_WEIGHTS,
      minScore: null,
      referenceDate: AT,
    };
    return input;
  });

describe('re-match candidates', () => {
  it('found in steps, are exactly the candidates found in one go, the reasons for the rest too (random pools)', () => {
    fc.assert(
      fc.property(
        period,
        fc.integer({ min: 1, max: 8 }),
        fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
        (input, slice, limit) => {
          const options = limit === undefined ? {} : { limit };
          const steps = findCandidatesInSteps(input, options, slice);
          let pauses = 0;
          let step = steps.next();
          for (; !step.done; step = steps.next()) pauses += 1;
          expect(step.value).toEqual(findCandidates(input, options));
          // It pauses while it looks through the period, and between ranked slices.
          if (input.periodApplications.length >= 2 * slice) expect(pauses).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never offers a previous partner, a ruled-out pair, a colleague, someone full or outside the pool (random pools)', () => {
    fc.assert(
      fc.property(period, (input) => {
        const { candidates } = findCandidates(input);
        const forbidden = new Set(
          input.pairRules.filter((r) => r.kind === 'forbid').flatMap((r) => [r.menteeApplicationId, r.mentorApplicationId]),
        );
        for (const c of candidates) {
          const a = c.application;
          expect(input.previousPartnerUserIds.has(a.userId)).toBe(false);
          expect(forbidden.has(a.id)).toBe(false);
          expect(a.userId).not.toBe(input.person.userId);
          expect(a.role).not.toBe(input.person.role);
          expect(CANDIDATE_STATUSES).toContain(a.status);
          expect(a.answers.employer.trim().toLowerCase()).not.toBe('home library');
          const load = input.activeLoads.get(a.userId)!;
          if (a.role === 'mentor') expect(load.mentor).toBeLessThan(a.answers.capacity);
          else expect(load.mentee).toBe(0);
          expect(c.placesLeft).toBeGreaterThan(0);
        }
        // Best first.
        for (let k = 1; k < candidates.length; k++) expect(candidates[k - 1]!.score).toBeGreaterThanOrEqual(candidates[k]!.score);
      }),
      { numRuns: 300 },
    );
  });

  it('offers first the partner a full matching run would choose for the person alone', () => {
    fc.assert(
      fc.property(period, (input) => {
        const { candidates } = findCandidates(input);
        const offered = candidates.map((c) => c.application);
        const person = input.person;
        const asMentee = person.role === 'mentee';
        const proposal = proposeMatches({
          mentees: asMentee ? [menteeProfile(person)] : offered.map(menteeProfile),
          mentors: asMentee ? offered.map((a) => ({ ...mentorProfile(a), capacity: 1 })) : [{ ...mentorProfile(person), capacity: 1 }],
          weights: input.weights,
          referenceDate: input.referenceDate,
        });
        if (candidates.length === 0) {
          expect(proposal.pairs).toHaveLength(0);
          return;
        }
        expect(proposal.pairs).toHaveLength(1);
        // The engine's optimum scores exactly what the ranking's head scores.
        expect(proposal.pairs[0]!.score).toBe(candidates[0]!.score);
        const chosen = asMentee ? proposal.pairs[0]!.mentorId : proposal.pairs[0]!.menteeId;
        const best = candidates.filter((c) => c.score === candidates[0]!.score).map((c) => profileId(c.application.id));
        expect(best).toContain(chosen);
      }),
      { numRuns: 200 },
    );
  });

  it('says why the others are not offered', () => {
    const person = testApplication(1, 'mentee', {}, { status: 'matched' });
    const full = testApplication(2, 'mentor', { capacity: 1 });
    const previous = testApplication(3, 'mentor');
    const declined = testApplication(4, 'mentor', {}, { status: 'declined' });
    const good = testApplication(5, 'mentor');
    const result = findCandidates({
      person,
      periodApplications: [person, full, previous, declined, good],
      activeLoads: new Map([[full.userId, { mentor: 1, mentee: 0 }]]),
      previousPartnerUserIds: new Set([previous.userId]),
      pairRules: [],
      weights: DEFAULT_WEIGHTS,
      minScore: null,
      referenceDate: AT,
    });
    expect(result.candidates.map((c) => c.application.id)).toEqual([5]);
    expect(result.candidates[0]!.placesLeft).toBe(2);
    expect(result.notOffered.sort()).toEqual([
      '1 a previous partner',
      '1 not in the pool (application not accepted)',
      '1 with no place left',
    ]);
  });
});
