import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { useDeletePairRule } from '../api/delete-pair-rule.ts';
import type { PairRule } from '../api/get-workspace.ts';

function RuleItem({ rule }: { rule: PairRule }) {
  const remove = useDeletePairRule();
  const names = `${rule.menteeName} with ${rule.mentorName}`;
  return (
    <li>
      <div className="item-row">
        <div className="item-row__main">
          <Badge tone={rule.kind === 'lock' ? 'info' : 'danger'}>{rule.kind === 'lock' ? 'Locked' : 'Forbidden'}</Badge> {rule.menteeName}{' '}
          with {rule.mentorName}
        </div>
        <div className="item-row__actions">
          <Button small variant="secondary" busy={remove.isPending} onClick={() => remove.mutate(rule.id)}>
            Remove rule
            <span className="visually-hidden">
              : {rule.kind === 'lock' ? 'locked' : 'forbidden'} {names}
            </span>
          </Button>
        </div>
      </div>
      {remove.isError ? (
        <p role="alert" className="field__error">
          {errorMessage(remove.error)}
        </p>
      ) : null}
    </li>
  );
}

/** The pairs the committee has locked in or ruled out; every run honours them. */
export function PairRules({ rules }: { rules: readonly PairRule[] }) {
  if (rules.length === 0) {
    return <p className="muted">No pairs are locked or forbidden. Use “Lock pair” or “Forbid pair” in the proposal to add one.</p>;
  }
  return (
    <ul className="plain-list item-list">
      {rules.map((r) => (
        <RuleItem key={r.id} rule={r} />
      ))}
    </ul>
  );
}
