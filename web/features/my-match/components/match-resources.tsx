import { Link } from 'react-router';
import { Badge } from '../../../components/ui/badge.tsx';
import { Card } from '../../../components/ui/card.tsx';
import type { MatchWorkspace } from '../api/get-match-workspace.ts';

const KIND: Record<MatchWorkspace['resources'][number]['kind'], string> = { video: 'Video', document: 'Document', link: 'Link' };

/** A few resources for the viewer's side of the match; the Resources page has the rest. */
export function MatchResources({ workspace: w }: { workspace: MatchWorkspace }) {
  return (
    <Card title={w.myRole === 'staff' ? 'Resources for this pair' : 'Resources for you'}>
      {w.resources.length === 0 ? (
        <p>The program office hasn’t added resources yet.</p>
      ) : (
        <ul className="plain-list link-list">
          {w.resources.map((r) => (
            <li key={r.id}>
              <Link to="/resources">{r.title}</Link> <Badge>{KIND[r.kind]}</Badge>
              {r.topic ? <span className="muted small"> · {r.topic}</span> : null}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/resources">All resources and the FAQ</Link>
      </p>
    </Card>
  );
}
