import { useState } from 'react';
import type { FormEvent } from 'react';
import { TextField } from '../../../components/ui/field.tsx';
import { ItemFormShell } from '../../../components/ui/item-form.tsx';
import type { ItemFormProps } from '../../../components/ui/item-form.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { useCheckedForm } from '../../../lib/use-checked-form.ts';
import { faqEntryInputSchema } from '../api/create-faq-entry.ts';
import type { FaqEntryInput } from '../api/create-faq-entry.ts';

/** A question and its answer, for adding and for editing. */
export function FaqEntryForm({ initial = { question: '', answer: '' }, onSubmit, clearWhenSaved, ...shell }: ItemFormProps<FaqEntryInput>) {
  const { ref, check, errorsWith } = useCheckedForm();
  const [question, setQuestion] = useState(initial.question);
  const [answer, setAnswer] = useState(initial.answer);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const input = check(faqEntryInputSchema, { question, answer });
    if (!input) return;
    onSubmit(input, () => {
      if (clearWhenSaved) {
        setQuestion('');
        setAnswer('');
      }
    });
  };
  const shown = errorsWith(shell.error);

  return (
    <ItemFormShell formRef={ref} onSubmit={submit} {...shell}>
      <TextField label="Question" required value={question} onChange={setQuestion} error={shown.question} maxLength={500} />
      <TextareaField
        label="Answer"
        required
        rows={6}
        value={answer}
        onChange={setAnswer}
        error={shown.answer}
        maxLength={5000}
        hint="Plain text. Leave a blank line between paragraphs; web addresses become links."
      />
    </ItemFormShell>
  );
}
