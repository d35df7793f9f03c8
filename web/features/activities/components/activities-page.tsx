import { useState } from 'react';
import { Badge } from '../../../components/ui/badge.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { OrderedListEditor, RetireButton } from '../../../components/ui/ordered-list-editor.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
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
  const [announcement, setAnnouncement] = useState('');

  const list = activities.data ?? [];
  const goalList = goals.data ?? [];

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
            <OrderedListEditor
              items={list}
              idPrefix="activity"
              itemLabel={(activity) => `activity: ${activity.title}`}
              reorder={reorder}
              movedMessage={(activity, target) => `“${activity.title}” is now number ${target + 1} of ${list.length}.`}
              announce={setAnnouncement}
              rowError={update.error}
              empty="No activities yet. Add the first one below."
              renderItem={(activity, index) => (
                <>
                  <h3>
                    <span className="muted">{index + 1}.</span> {activity.title}{' '}
                    {activity.retired ? <Badge tone="warning">Retired</Badge> : null}
                  </h3>
                  {activity.description ? <p className="muted">{activity.description}</p> : null}
                  <p className="small">
                    <strong>Serves:</strong> {goalTitles(activity, goalList) || 'no program goal yet'}
                  </p>
                </>
              )}
              renderEditor={(activity, done) => <EditActivity activity={activity} goals={goalList} onDone={done} />}
              renderActions={(activity) => (
                <RetireButton
                  idPrefix={`activity-${activity.id}`}
                  itemLabel={`activity: ${activity.title}`}
                  title={activity.title}
                  retired={activity.retired}
                  setRetired={(retired, onSuccess) => update.mutate({ id: activity.id, changes: { retired } }, { onSuccess })}
                  announce={setAnnouncement}
                />
              )}
            />
          </Card>
          <Card>
            <AddActivity goals={goalList} onAdded={(title) => setAnnouncement(`“${title}” added as activity number ${list.length + 1}.`)} />
          </Card>
        </>
      ) : null}
    </Page>
  );
}
