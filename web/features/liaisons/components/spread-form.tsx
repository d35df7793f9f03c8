import { useState } from 'react';
import type { FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { CheckboxGroup } from '../../../components/ui/checkbox-group.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import type { PeriodLiaisons } from '../api/get-period-liaisons.ts';
import { useSpreadLiaisons } from '../api/spread-liaisons.ts';
import type { SpreadResult } from '../api/spread-liaisons.ts';

const pairs = (n: number) => `${n} ${n === 1 ? 'pair' : 'pairs'}`;

function resultInWords(r: SpreadResult): string {
  const who = r.liaisons.map((l) => `${l.name} ${pairs(l.matches)}`).join(', ');
  const changed = r.assigned === 0 ? 'No liaison changed.' : `${pairs(r.assigned)} got a new liaison, who heard by e-mail.`;
  const left = r.leftWithout > 0 ? ` ${pairs(r.leftWithout)} could not be given anyone chosen (they are one of the pair).` : '';
  return `${changed}${left} Now: ${who}.`;
}

/** Staff: deal every active match of the period out over the chosen committee members, evenly. */
export function SpreadForm({ data }: { data: PeriodLiaisons }) {
  const spread = useSpreadLiaisons();
  const [chosen, setChosen] = useState<string[]>([]);
  const [keepAssigned, setKeepAssigned] = useState(true);
  const [error, setError] = useState<string | undefined>();
  const [result, setResult] = useState<SpreadResult | null>(null);

  if (data.committee.length === 0) {
    return (
      <Card title="Spread evenly">
        <p>Nobody is on the matching committee yet. Give people the committee role on the People page; then they can be liaisons.</p>
      </Card>
    );
  }

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setResult(null);
    if (chosen.length === 0) {
      setError('Choose at least one committee member.');
      return;
    }
    setError(undefined);
    spread.mutate({ periodId: data.period.id, committeeUserIds: chosen.map(Number), keepAssigned }, { onSuccess: setResult });
  };

  return (
    <Card title="Spread evenly">
      <form className="form" onSubmit={onSubmit} noValidate>
        <CheckboxGroup
          legend="Committee members to share the pairs"
          hint="Each pair in turn goes to whoever of them looks after the fewest so far; nobody looks after a pair they are in."
          options={data.committee.map((c) => ({ value: String(c.userId), label: `${c.name} (${pairs(c.matches)} now)` }))}
          value={chosen}
          onChange={setChosen}
          error={error}
        />
        <Checkbox
          label="Keep the liaisons already assigned"
          hint="Untick to deal out every active match of the period afresh."
          checked={keepAssigned}
          onChange={setKeepAssigned}
        />
        <div className="form-actions">
          <Button type="submit" busy={spread.isPending}>
            Spread evenly
          </Button>
        </div>
        {spread.isError ? <Alert tone="error">{errorMessage(spread.error)}</Alert> : null}
        {result ? <Alert tone="success">{resultInWords(result)}</Alert> : null}
      </form>
    </Card>
  );
}
