import { Badge } from '../../../components/ui/badge.tsx';
import { RadioGroup } from '../../../components/ui/radio-group.tsx';
import type { RadioOption } from '../../../components/ui/radio-group.tsx';
import type { CandidateList, RematchCandidate } from '../api/get-rematch-candidates.ts';
import { candidateChoice } from './next-step-choice.ts';
import type { StepChoice, StepPerson } from './next-step-choice.ts';

const formatScore = (score: number): string => (Math.round(score * 10) / 10).toString();

/** The person a candidate list is for, as the summary sentences need them. */
export const stepPerson = (list: CandidateList): StepPerson => ({
  name: list.person.name,
  side: list.person.side,
  candidates: list.candidates,
});

function CandidateLabel({ candidate, first, side }: { candidate: RematchCandidate; first: boolean; side: 'mentor' | 'mentee' }) {
  return (
    <span>
      <strong>{candidate.name}</strong> · score {formatScore(candidate.score)}
      {side === 'mentor' ? ` · ${candidate.placesLeft} ${candidate.placesLeft === 1 ? 'place' : 'places'} left` : ''}
      {first ? (
        <>
          {' '}
          <Badge tone="info">The engine’s choice</Badge>
        </>
      ) : null}
    </span>
  );
}

interface NextStepChooserProps {
  list: CandidateList;
  legend: string;
  /** The words of the "reapply" option. */
  reapplyLabel?: string;
  /** The words of the "nothing more" option: "No new partner", "Nothing more". */
  noneLabel: string;
  value: StepChoice;
  onChange: (choice: StepChoice) => void;
  disabled?: boolean;
}

/**
 * One person's next step when their match ends: the engine's candidates best first (the first is
 * its choice), the next period's pool, or nothing more. Under the list, why others are not offered.
 */
export function NextStepChooser({
  list,
  legend,
  reapplyLabel = 'Reapply next period',
  noneLabel,
  value,
  onChange,
  disabled,
}: NextStepChooserProps) {
  const candidateSide = list.person.side === 'mentee' ? 'mentor' : 'mentee';
  const options: RadioOption<StepChoice>[] = [
    ...list.candidates.map((c, i) => ({
      value: candidateChoice(c.applicationId),
      label: <CandidateLabel candidate={c} first={i === 0} side={candidateSide} />,
      hint: c.explanation,
    })),
    {
      value: 'reapply',
      label: reapplyLabel,
      hint: `${list.person.name} moves to the next period’s pool, with their application already accepted.`,
    },
    { value: 'none', label: noneLabel },
  ];
  const hint =
    list.candidates.length === 0
      ? `The engine has no ${candidateSide} to offer ${list.person.name} in this period.`
      : `Best match first; the first is the engine’s choice.`;
  return (
    <div className="next-step">
      <RadioGroup legend={legend} hint={hint} options={options} value={value} onChange={onChange} disabled={disabled} stacked />
      {list.notOffered.length > 0 ? <p className="small muted">Not offered: {list.notOffered.join('; ')}.</p> : null}
    </div>
  );
}
