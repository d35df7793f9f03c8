import { useState } from 'react';
import type { FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { useErasePerson } from '../api/erase-person.ts';
import { useErasurePreview } from '../api/get-erasure-preview.ts';
import type { ErasurePreview } from '../api/get-erasure-preview.ts';

/** What erasing will do, and the name typed to confirm it. */
function EraseForm({ preview, onErased }: { preview: ErasurePreview; onErased: (name: string) => void }) {
  const erase = useErasePerson();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | undefined>();
  const ends = preview.activeMatches.length;

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (typed.trim() !== preview.name.trim()) {
      setError(`Type their name exactly as shown: ${preview.name}`);
      return;
    }
    setError(undefined);
    erase.mutate({ userId: preview.userId, body: ends > 0 ? { activeMatches: 'end' } : {} }, { onSuccess: () => onErased(preview.name) });
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={`Erase ${preview.name}`}>
      {ends > 0 ? (
        <Alert tone="warning" announce={false}>
          <p>
            {preview.name} is in {ends === 1 ? 'an active match' : `${ends} active matches`}. Erasing ends {ends === 1 ? 'it' : 'them'} as
            if staff ended {ends === 1 ? 'it' : 'them'}: the partner hears by e-mail and is free for a new match.
          </p>
          <ul>
            {preview.activeMatches.map((m) => (
              <li key={m.id}>
                {m.periodName}: {m.side} of {m.partnerName}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <h3>Replaced or deleted</h3>
      <ul>
        {preview.removed.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h3>Kept, without their identity</h3>
      <ul>
        {preview.kept.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p>This cannot be undone.</p>
      {erase.isError ? <Alert tone="error">{errorMessage(erase.error)}</Alert> : null}
      <TextField
        label={`Type ${preview.name} to confirm`}
        required
        value={typed}
        onChange={setTyped}
        error={error}
        autoComplete="off"
        autoFocus
      />
      <div className="form-actions">
        <Button type="submit" variant="danger" busy={erase.isPending}>
          {ends > 0 ? 'End the match and erase' : 'Erase this person'}
        </Button>
      </div>
    </form>
  );
}

/**
 * For staff, next to a person: "Erase this person…", a dialog that says what will happen and asks
 * for their name. Kept mounted after the erasure (the row stays, renamed), so the news stays too.
 */
export function ErasePerson({ userId, name, erased: wasErased }: { userId: number; name: string; erased: boolean }) {
  const [open, setOpen] = useState(false);
  const [erased, setErased] = useState<string | null>(null);
  const preview = useErasurePreview(userId, open);
  if (erased) return <span role="status">{erased} was erased.</span>;
  if (wasErased) return <span className="muted small">Erased</span>;
  return (
    <>
      <Button variant="danger" small onClick={() => setOpen(true)}>
        Erase this person…<span className="visually-hidden"> {name}</span>
      </Button>
      <Dialog open={open} title={`Erase ${name}?`} onClose={() => setOpen(false)}>
        {preview.isPending ? <Loading label="Checking what erasing would do…" /> : null}
        {preview.isError ? <LoadError error={preview.error} what="what erasing would do" onRetry={() => void preview.refetch()} /> : null}
        {preview.data?.refusal ? <Alert tone="error">{preview.data.refusal}</Alert> : null}
        {preview.data && !preview.data.refusal ? (
          <EraseForm
            preview={preview.data}
            onErased={(n) => {
              setOpen(false);
              setErased(n);
            }}
          />
        ) : null}
      </Dialog>
    </>
  );
}
