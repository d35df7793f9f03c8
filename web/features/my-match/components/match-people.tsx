import { Card } from '../../../components/ui/card.tsx';
import type { MatchWorkspace, WorkspacePerson } from '../api/get-match-workspace.ts';
import { LiaisonCard } from './liaison-card.tsx';
import { PersonContact } from './person-contact.tsx';
import { ProgramContactsCard } from './program-contacts-card.tsx';

const byRole = (w: MatchWorkspace, role: WorkspacePerson['role']) => w.people.find((p) => p.role === role);

/** The page's heading: "Your match with …" for one of the pair, both names for staff. */
export function matchTitle(w: MatchWorkspace): string {
  if (w.myRole !== 'staff') return `Your match with ${w.people[0]?.name ?? 'your partner'}`;
  return `${byRole(w, 'mentee')?.name ?? 'The mentee'} and ${byRole(w, 'mentor')?.name ?? 'the mentor'}`;
}

/**
 * Who is in the match and how to reach them: the partner for a mentor or mentee, both people for
 * staff; then why the committee paired them, the pair's liaison when one is assigned, and (for the
 * pair) the program office's goal-sheet and training contacts.
 */
export function MatchPeople({ workspace: w }: { workspace: MatchWorkspace }) {
  const why = w.match.explanation ? (
    <>
      <h3>{w.myRole === 'staff' ? 'Why they were paired' : 'Why we paired you'}</h3>
      <p>{w.match.explanation}</p>
    </>
  ) : null;
  if (w.myRole === 'staff') {
    return (
      <div className="match-people">
        {w.people.map((p) => (
          <Card key={p.userId} title={`${p.role === 'mentee' ? 'Mentee' : 'Mentor'}: ${p.name}`}>
            <PersonContact person={p} />
          </Card>
        ))}
        {why ? <Card title="The pairing">{why}</Card> : null}
        <LiaisonCard workspace={w} />
      </div>
    );
  }
  const partner = w.people[0];
  if (!partner) return null;
  return (
    <>
      <Card title={`How to reach ${partner.name}`} className="partner-card">
        <p className="muted small">Your {partner.role}.</p>
        <PersonContact person={partner} />
        {why}
      </Card>
      <LiaisonCard workspace={w} />
      <ProgramContactsCard />
    </>
  );
}
