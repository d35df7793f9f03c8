import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Editor } from '@tiptap/react';
import { Button } from '../../../components/ui/button.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { linkHref } from './link-href.ts';
import { ReportDialog } from './report-dialog.tsx';

/** Adds, changes or removes the link on the selected text. */
export function LinkDialog({ editor, open, onClose }: { editor: Editor; open: boolean; onClose: () => void }) {
  return (
    <ReportDialog open={open} title="Link" onClose={onClose}>
      {open ? <LinkForm editor={editor} onClose={onClose} /> : null}
    </ReportDialog>
  );
}

function LinkForm({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const current = (editor.getAttributes('link') as { href?: unknown }).href;
  const [address, setAddress] = useState(typeof current === 'string' ? current : '');
  const [error, setError] = useState<string | undefined>(undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const href = linkHref(address);
    if (!href) {
      setError('Enter a web address (https://…) or an e-mail address.');
      return;
    }
    const chain = editor.chain().focus().extendMarkRange('link');
    if (editor.state.selection.empty && !editor.isActive('link')) {
      chain.insertContent({ type: 'text', text: address.trim(), marks: [{ type: 'link', attrs: { href } }] }).run();
    } else {
      chain.setLink({ href }).run();
    }
    onClose();
  };
  const remove = () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose();
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextField
        label="Web or e-mail address"
        hint="For example https://example.org or someone@example.org. With nothing selected, the address itself becomes the link’s text."
        value={address}
        onChange={setAddress}
        error={error}
        autoFocus
        required
      />
      <FormActions submitLabel={typeof current === 'string' ? 'Change the link' : 'Add the link'} busy={false} onCancel={onClose}>
        {typeof current === 'string' ? (
          <Button variant="danger" onClick={remove}>
            Remove the link
          </Button>
        ) : null}
      </FormActions>
    </form>
  );
}
