import { Fragment, useState } from 'react';
import type { ReactNode } from 'react';
import { ROLE_LABELS } from '../../../../src/shared/roles.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { formatInstant } from '../../../lib/format-date.ts';
import { useUsers } from '../api/get-users.ts';
import type { User } from '../api/get-users.ts';
import { PersonEditor } from './person-editor.tsx';

/** `personActions`: more actions on a person from other features (erasing), given by the router. */
export function PeopleList({ personActions }: { personActions?: (person: User) => ReactNode } = {}) {
  const users = useUsers();
  const [editing, setEditing] = useState<number | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  if (users.isPending) return <Loading label="Loading people…" />;
  if (users.isError) return <LoadError error={users.error} what="the list of people" onRetry={() => void users.refetch()} />;
  if (users.data.length === 0) return <p>No one has an account yet.</p>;

  return (
    <>
      {saved ? <Alert tone="success">Changes to {saved} saved.</Alert> : null}
      <TableWrap label="People with an account">
        <table>
          <caption className="visually-hidden">People with an account</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail address</th>
              <th scope="col">Roles</th>
              <th scope="col">Status</th>
              <th scope="col">Joined</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((person) => (
              <Fragment key={person.id}>
                <tr>
                  <th scope="row">{person.name}</th>
                  <td>{person.email}</td>
                  <td>
                    {person.roles.length > 0 ? person.roles.map((r) => ROLE_LABELS[r]).join(', ') : <span className="muted">No role</span>}
                  </td>
                  <td>{person.disabled ? <Badge tone="danger">Turned off</Badge> : <Badge tone="success">Active</Badge>}</td>
                  <td>{formatInstant(person.createdAt)}</td>
                  <td className="cell-actions">
                    <Button
                      variant="secondary"
                      small
                      aria-expanded={editing === person.id}
                      onClick={() => {
                        setSaved(null);
                        setEditing(editing === person.id ? null : person.id);
                      }}
                    >
                      Edit<span className="visually-hidden"> {person.name}</span>
                    </Button>
                    {personActions?.(person)}
                  </td>
                </tr>
                {editing === person.id ? (
                  <tr>
                    <td colSpan={6}>
                      <PersonEditor
                        person={person}
                        onDone={(didSave) => {
                          setEditing(null);
                          if (didSave) setSaved(person.name);
                        }}
                      />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
