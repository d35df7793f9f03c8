import { Card } from '../../../components/ui/card.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { useActivities } from '../api/get-activities.ts';
import { useProgramGoals } from '../../../lib/reads/program-goals.ts';

/**
 * Activities from the catalogue that serve any of the given program goals (a pair's goal sheet
 * goals, or what they said they care about), each with the goals it helps with.
 */
export function SuggestedActivities({ programGoalIds, level = 2 }: { programGoalIds: readonly number[]; level?: 2 | 3 }) {
  const activities = useActivities();
  const goals = useProgramGoals();
  const wanted = new Set(programGoalIds);
  const suggested = (activities.data ?? []).filter((a) => a.programGoalIds.some((id) => wanted.has(id)));
  const goalTitle = new Map((goals.data ?? []).map((g) => [g.id, g.title]));
  const Item = level === 2 ? 'h3' : 'h4';

  return (
    <Card title="Suggested activities" level={level} className="suggested-activities">
      {activities.isPending ? <Loading label="Loading suggested activities…" /> : null}
      {activities.isError ? (
        <LoadError error={activities.error} what="the suggested activities" onRetry={() => void activities.refetch()} />
      ) : null}
      {goals.isError ? <LoadError error={goals.error} what="the program goals" onRetry={() => void goals.refetch()} /> : null}
      {activities.data ? (
        suggested.length === 0 ? (
          <p className="muted">No suggestions for these goals yet. Anything that moves your goals forward counts.</p>
        ) : (
          <>
            <p className="muted">Ideas for things to do together, picked for the goals you are working on.</p>
            <ul className="plain-list item-list">
              {suggested.map((a) => {
                const serves = a.programGoalIds
                  .filter((id) => wanted.has(id))
                  .map((id) => goalTitle.get(id))
                  .filter(Boolean);
                return (
                  <li key={a.id}>
                    <Item className="item-title">{a.title}</Item>
                    {a.description ? <p>{a.description}</p> : null}
                    {serves.length > 0 ? <p className="muted small">Helps with: {serves.join(', ')}</p> : null}
                  </li>
                );
              })}
            </ul>
          </>
        )
      ) : null}
    </Card>
  );
}
