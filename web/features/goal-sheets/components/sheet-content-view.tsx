import type { GoalSheetContent, GoalSheetView } from '../../../../src/shared/api/goal-sheets.ts';
import { CHANNEL_LABELS } from '../../../../src/shared/channels.ts';
import { formatDate } from '../../../lib/format-date.ts';

interface SheetContentViewProps {
  content: GoalSheetContent;
  programGoals: GoalSheetView['programGoals'];
}

const notYet = <span className="muted">Not written yet</span>;

/** The goals and the communication plan, to read (not to edit), under an h2. */
export function SheetContentView({ content, programGoals }: SheetContentViewProps) {
  const titleOf = new Map(programGoals.map((g) => [g.id, g.retired ? `${g.title} (retired)` : g.title]));
  return (
    <div className="stack">
      {content.goals.length === 0 ? <p className="muted">No goals written yet.</p> : null}
      {content.goals.map((g, i) => (
        <div key={i} className="goal-block">
          <h3>
            Goal {i + 1}
            {g.title ? `: ${g.title}` : ''}
          </h3>
          <dl className="dl">
            <dt>Program goals this serves</dt>
            <dd>
              <ul className="plain-list">
                {g.programGoalIds.map((id) => (
                  <li key={id}>{titleOf.get(id) ?? `Program goal ${id}`}</li>
                ))}
              </ul>
            </dd>
            <dt>Planned activities</dt>
            <dd className="goal-sheet__text">{g.activities || notYet}</dd>
            <dt>How you will measure success</dt>
            <dd className="goal-sheet__text">{g.successMeasure || notYet}</dd>
            <dt>Target date</dt>
            <dd>{g.targetDate ? formatDate(g.targetDate) : notYet}</dd>
          </dl>
        </div>
      ))}
      <div>
        <h3>How you will keep in touch</h3>
        <dl className="dl">
          <dt>Channels</dt>
          <dd>{content.communication.channels.map((c) => CHANNEL_LABELS[c]).join(', ') || notYet}</dd>
          <dt>How often</dt>
          <dd>{content.communication.cadence || notYet}</dd>
        </dl>
      </div>
    </div>
  );
}
