import { useState } from 'react';
import type { FormEvent } from 'react';
import {
  VOCABULARY_MAX_TERMS,
  VOCABULARY_TERM_MAX_LENGTH,
  vocabularyFromText,
  vocabularyProblem,
} from '../../../../src/shared/interest-vocabulary.ts';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { useCheckedForm } from '../../../lib/use-checked-form.ts';
import type { Settings } from '../../../lib/reads/settings.ts';
import { useUpdateSettings } from '../api/update-settings.ts';
import { SaveStatus } from './save-status.tsx';

/** The suggested interests and areas of expertise applicants pick from, one per line. */
export function InterestVocabularyForm({ settings }: { settings: Settings }) {
  const update = useUpdateSettings();
  const { ref, errors, setErrors, showErrors } = useCheckedForm();
  const [text, setText] = useState(settings.interestVocabulary.join('\n'));
  const terms = vocabularyFromText(text);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    update.reset();
    const problem = vocabularyProblem(terms);
    if (problem) {
      showErrors({ interestVocabulary: problem });
      return;
    }
    setErrors({});
    update.mutate({ interestVocabulary: terms }, { onSuccess: (saved) => setText(saved.interestVocabulary.join('\n')) });
  };

  return (
    <form ref={ref} className="form" onSubmit={onSubmit} noValidate aria-label="Suggested interests">
      <SaveStatus saved={update.isSuccess} error={update.error} what="suggested interests" />
      <TextareaField
        label="Suggestions, one per line"
        rows={10}
        value={text}
        onChange={setText}
        error={errors.interestVocabulary}
        spellCheck
        hint={`Up to ${VOCABULARY_MAX_TERMS}, each up to ${VOCABULARY_TERM_MAX_LENGTH} characters. Repeats and blank lines are dropped when you save. ${terms.length === 1 ? 'One suggestion' : `${terms.length} suggestions`} so far.`}
      />
      <FormActions submitLabel="Save suggestions" busy={update.isPending} />
    </form>
  );
}
