import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { useAssignLiaison } from '../api/assign-liaison.ts';
import type { PeriodLiaisons } from '../api/get-period-liaisons.ts';

type Match = PeriodLiaisons['matches'][number];

/** One pair's liaison: a choice of committee members (never one of the pair) and Save. */
export function LiaisonChoice({ match, committee }: { match: Match; committee: PeriodLiaisons['committee'] }) {
  const id = useId();
  const assign = useAssignLiaison();
  const current = match.liaison ? String(match.liaison.userId) : '';
  const [chosen, setChosen] = useState(current);
  const [saved, setSaved] = useState<string | null>(null);
  const pair = `${match.mentee.name} and ${match.mentor.name}`;
  const options = committee.filter((c) => c.userId !== match.mentee.userId && c.userId !== match.mentor.userId);
  // A liaison who has since left the committee still shows, so the choice says what is stored.
  if (match.liaison && !options.some((o) => o.userId === match.liaison?.userId)) options.push({ ...match.liaison, matches: 0 });

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSaved(null);
    assign.mutate(
      { matchId: match.matchId, liaisonUserId: chosen === '' ? null : Number(chosen) },
      {
        onSuccess: (result) =>
          setSaved(result.liaison ? `Saved: ${result.liaison.name} looks after ${pair}.` : `Saved: ${pair} have no liaison now.`),
      },
    );
  };

  return (
    <form className="inline-choice" onSubmit={onSubmit}>
      <label className="visually-hidden" htmlFor={id}>
        Liaison for {pair}
      </label>
      <select id={id} value={chosen} onChange={(e) => setChosen(e.target.value)}>
        <option value="">No liaison</option>
        {options.map((c) => (
          <option key={c.userId} value={String(c.userId)}>
            {c.name}
          </option>
        ))}
      </select>{' '}
      <Button type="submit" small variant="secondary" busy={assign.isPending} disabled={chosen === current}>
        Save<span className="visually-hidden"> the liaison for {pair}</span>
      </Button>
      {assign.isError ? (
        <p role="alert" className="field__error">
          {errorMessage(assign.error)}
        </p>
      ) : null}
      <p role="status" className="small muted">
        {saved}
      </p>
    </form>
  );
}
