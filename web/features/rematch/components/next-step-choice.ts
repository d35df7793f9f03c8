import type { NextStep } from '../../../../src/shared/api/rematch.ts';
import type { MatchSide } from '../../../../src/shared/match-management.ts';

/**
 * One person's next step as a radio value: 'candidate:<application id>', 'reapply' or 'none'.
 * Radio buttons carry strings; these turn them into the API's NextStep and back.
 */
export type StepChoice = `candidate:${number}` | 'reapply' | 'none';

export const candidateChoice = (applicationId: number): StepChoice => `candidate:${applicationId}`;

export function toNextStep(choice: StepChoice): NextStep {
  if (choice === 'reapply' || choice === 'none') return { kind: choice };
  return { kind: 'rematch', partnerApplicationId: Number(choice.slice('candidate:'.length)) };
}

/** The engine's first choice when it offers anyone; otherwise the next period's pool. */
export function defaultChoice(candidates: readonly { applicationId: number }[]): StepChoice {
  const first = candidates[0];
  return first ? candidateChoice(first.applicationId) : 'reapply';
}

/** The choice still stands when the candidate is still offered (the list may change after a reload). */
export function stillOffered(choice: StepChoice, candidates: readonly { applicationId: number }[]): boolean {
  const step = toNextStep(choice);
  return step.kind !== 'rematch' || candidates.some((c) => c.applicationId === step.partnerApplicationId);
}

export interface StepPerson {
  name: string;
  side: MatchSide;
  candidates: readonly { applicationId: number; name: string }[];
}

const otherSide = (side: MatchSide): MatchSide => (side === 'mentee' ? 'mentor' : 'mentee');

/** What happens to one person, as a sentence: "Ana gets Ben as a new mentor." */
export function nextStepSentence(person: StepPerson, choice: StepChoice): string {
  const step = toNextStep(choice);
  if (step.kind === 'reapply') {
    return `${person.name} moves to the next period’s pool, to be matched again then.`;
  }
  if (step.kind === 'none') {
    return person.side === 'mentor'
      ? `Nothing more for ${person.name}: no new mentee now (any other mentees stay as they are).`
      : `Nothing more for ${person.name}: no new mentor.`;
  }
  const partner = person.candidates.find((c) => c.applicationId === step.partnerApplicationId);
  return `${person.name} gets ${partner?.name ?? 'the chosen person'} as a new ${otherSide(person.side)}.`;
}

/**
 * The whole change in plain sentences, for the summary above Confirm: the match ends, then each
 * person's next step, the one who asked first.
 */
export function changeSummary(first: StepPerson, firstChoice: StepChoice, second: StepPerson, secondChoice: StepChoice): string[] {
  const [mentor, mentee] = first.side === 'mentor' ? [first, second] : [second, first];
  return [
    `The match between ${mentee.name} (mentee) and ${mentor.name} (mentor) ends.`,
    nextStepSentence(first, firstChoice),
    nextStepSentence(second, secondChoice),
  ];
}

/**
 * Who each new match joins, in the order the server returns its ids (the first person's step,
 * then the second's): "Ana and Ben".
 */
export function newMatchNames(first: StepPerson, firstChoice: StepChoice, second: StepPerson, secondChoice: StepChoice): string[] {
  const steps: [StepPerson, StepChoice][] = [
    [first, firstChoice],
    [second, secondChoice],
  ];
  return steps.flatMap(([person, choice]) => {
    const step = toNextStep(choice);
    if (step.kind !== 'rematch') return [];
    const partner = person.candidates.find((c) => c.applicationId === step.partnerApplicationId);
    return [`${person.name} and ${partner?.name ?? 'their new partner'}`];
  });
}
