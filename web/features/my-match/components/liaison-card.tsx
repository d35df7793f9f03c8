import { Card } from '../../../components/ui/card.tsx';
import type { MatchWorkspace } from '../api/get-match-workspace.ts';

/**
 * The pair's liaison as a contact: a member of the matching committee who looks after the pair,
 * besides the program office. Nothing when none is assigned.
 */
export function LiaisonCard({ workspace: w }: { workspace: MatchWorkspace }) {
  const liaison = w.liaison;
  if (!liaison) return null;
  const staff = w.myRole === 'staff';
  return (
    <Card title={staff ? `Liaison: ${liaison.name}` : `Your liaison: ${liaison.name}`} className="liaison-card">
      <p className="muted small">
        {staff
          ? 'The committee member who looks after this pair.'
          : 'A member of the matching committee who looks after your pair. Write to them any time — about how things are going, or if something isn’t working.'}
      </p>
      <dl className="dl">
        <dt>Name</dt>
        <dd>{liaison.name}</dd>
        <dt>E-mail</dt>
        <dd>
          <a href={`mailto:${liaison.email}`}>{liaison.email}</a>
        </dd>
      </dl>
    </Card>
  );
}
