import { focusWhen, listItemAt, moveItem } from '../../../lib/reorder.ts';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { useCreateActivity } from '../api/create-activity.ts';
import { useActivities } from '../api/get-activities.ts';
import type { Activity } from '../api/get-activities.ts';
import { useProgramGoals } from '../../../lib/reads/program-goals.ts';
import type { ProgramGoal } from '../../../lib/reads/program-goals.ts';
import { useReorderActivities } from '../api/reorder-activities.ts';
import { useUpdateActivity } from '../api/update-activity.ts';
import { ActivityForm } from './activity-form.tsx';

function goalTitles(activity: Activity, goals: ProgramGoal[]): string {
  return goals
    .filter((g) => activity.programGoalIds.includes(g.id))
    .map((g) => g.title)
    .join(', ');
}

function EditActivity({ activity, goals, onDone }: { activity: Activity; goals: ProgramGoal[]; onDone: () => void }) {
  const update = useUpdateActivity();
  return (
    <ActivityForm
      label={`Edit activity: ${activity.title}`}
      initial={{ title: activity.title, description: activity.description, programGoalIds: activity.programGoalIds }}
      goals={goals}
      submitLabel="Save activity"
      busy={update.isPending}
      error={update.error}
      onSubmit={(changes) => update.mutate({ id: activity.id, changes }, { onSuccess: onDone })}
      onCancel={onDone}
    />
  );
}

function AddActivity({ goals, onAdded }: { goals: ProgramGoal[]; onAdded: (title: string) => void }) {
  const create = useCreateActivity();
  return (
    <ActivityForm
      labelledBy="add-activity-heading"
      heading={<h2 id="add-activity-heading">Add an activity</h2>}
      goals={goals}
      submitLabel="Add activity"
      clearWhenSaved
      busy={create.isPending}
      error={create.error}
      onSubmit={(input, saved) =>
        create.mutate(input, {
          onSuccess: () => {
            onAdded(input.title);
            saved();
          },
        })
      }
    />
  );
}

/** Staff keep the catalogue of suggested activities: add, word, tie to goals, order, retire. */
export function ActivitiesPage() {
  const activities = useActivities(true);
  const goals = useProgramGoals();
  const reorder = useReorderActivities();
  const update = useUpdateActivity();
  const [editing, setEditing] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const list = activities.data ?? [];
  const goalList = goals.data ?? [];

  const move = (index: number, by: -1 | 1) => {
    const activity = list[index];
    const moved = moveItem(
      list.map((x) => x.id),
      index,
      by,
    );
    if (!activity || !moved) return;
    reorder.mutate(moved.ids, {
      onSuccess: () => {
        setAnnouncement(`“${activity.title}” is now number ${moved.target + 1} of ${list.length}.`);
        const button = `activity-${activity.id}-${moved.focus}`;
        focusWhen(button, listItemAt(button, moved.target));
      },
    });
  };

  const setRetired = (activity: Activity, retired: boolean) => {
    update.mutate(
      { id: activity.id, changes: { retired } },
      {
        onSuccess: () => {
          setAnnouncement(retired ? `“${activity.title}” retired.` : `“${activity.title}” restored.`);
          focusWhen(`activity-${activity.id}-${retired ? 'restore' : 'retire'}`);
        },
      },
    );
  };

  return (
    <Page
      title="Activities"
      intro={
        <p>
          Suggestions for things a pair can do together, each tied to the program goals it serves. Pairs see them on their match page and
          can note one when they log a contact. Retire an activity you no longer suggest: contacts that mention it keep it.
        </p>
      }
    >
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {activities.isPending || goals.isPending ? <Loading label="Loading activities…" /> : null}
      {activities.isError ? <LoadError error={activities.error} what="the activities" onRetry={() => void activities.refetch()} /> : null}
      {goals.isError ? <LoadError error={goals.error} what="the program goals" onRetry={() => void goals.refetch()} /> : null}
      {activities.data && goals.data ? (
        <>
          <Card title="Suggested activities">
            {reorder.isError ? <Alert tone="error">{errorMessage(reorder.error)}</Alert> : null}
            {update.isError && editing === null ? <Alert tone="error">{errorMessage(update.error)}</Alert> : null}
            {list.length === 0 ? <p className="muted">No activities yet. Add the first one below.</p> : null}
            <ol className="plain-list item-list">
              {list.map((activity, index) => (
                <li key={activity.id}>
                  {editing === activity.id ? (
                    <EditActivity
                      activity={activity}
                      goals={goalList}
                      onDone={() => {
                        setEditing(null);
                        focusWhen(`activity-${activity.id}-edit`);
                      }}
                    />
                  ) : (
                    <div className="item-row">
                      <div className="item-row__main">
                        <h3>
                          <span className="muted">{index + 1}.</span> {activity.title}{' '}
                          {activity.retired ? <Badge tone="warning">Retired</Badge> : null}
                        </h3>
                        {activity.description ? <p className="muted">{activity.description}</p> : null}
                        <p className="small">
                          <strong>Serves:</strong> {goalTitles(activity, goalList) || 'no program goal yet'}
                        </p>
                      </div>
                      <div className="item-row__actions">
                        <Button
                          id={`activity-${activity.id}-up`}
                          variant="secondary"
                          small
                          disabled={index === 0 || reorder.isPending}
                          onClick={() => move(index, -1)}
                        >
                          Move up<span className="visually-hidden"> activity: {activity.title}</span>
                        </Button>
                        <Button
                          id={`activity-${activity.id}-down`}
                          variant="secondary"
                          small
                          disabled={index === list.length - 1 || reorder.isPending}
                          onClick={() => move(index, 1)}
                        >
                          Move down<span className="visually-hidden"> activity: {activity.title}</span>
                        </Button>
                        <Button id={`activity-${activity.id}-edit`} variant="secondary" small onClick={() => setEditing(activity.id)}>
                          Edit<span className="visually-hidden"> activity: {activity.title}</span>
                        </Button>
                        {activity.retired ? (
                          <Button
                            id={`activity-${activity.id}-restore`}
                            variant="secondary"
                            small
                            onClick={() => setRetired(activity, false)}
                          >
                            Restore<span className="visually-hidden"> activity: {activity.title}</span>
                          </Button>
                        ) : (
                          <Button id={`activity-${activity.id}-retire`} variant="danger" small onClick={() => setRetired(activity, true)}>
                            Retire<span className="visually-hidden"> activity: {activity.title}</span>
                          </Button>
                        )}
                      </div>
                    </div>
                  )}
                </li>
              ))}
            </ol>
          </Card>
          <Card>
            <AddActivity goals={goalList} onAdded={(title) => setAnnouncement(`“${title}” added as activity number ${list.length + 1}.`)} />
          </Card>
        </>
      ) : null}
    </Page>
  );
}
