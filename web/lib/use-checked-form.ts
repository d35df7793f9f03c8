import { useRef, useState } from 'react';
import type { z } from 'zod';
import { isApiError } from './api-error.ts';
import { focusFirstInvalid, validate } from './validate.ts';
import type { FieldErrors } from './validate.ts';

/**
 * What every form does with its field errors: it checks the values with the server's own schema
 * before sending, shows each problem next to its field with the focus on the first one, and shows
 * the server's field errors the same way. Put `ref` on the <form>.
 */
export function useCheckedForm() {
  const ref = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});

  /** Shows these errors (in place of the last ones) and moves the focus to the first invalid field. */
  const showErrors = (next: FieldErrors) => {
    setErrors(next);
    focusFirstInvalid(ref.current);
  };

  /** The values as the schema reads them, with the errors cleared; null once the problems show. */
  const check = <S extends z.ZodType>(schema: S, values: unknown): z.output<S> | null => {
    const checked = validate(schema, values);
    if (!checked.ok) {
      showErrors(checked.errors);
      return null;
    }
    setErrors({});
    return checked.data;
  };

  /** For a request's onError: the server's field errors next to their fields. */
  const showServerErrors = (error: unknown) => {
    if (isApiError(error)) setErrors(error.fieldErrors());
  };

  /** For a form whose request lives outside it: the failed request's field errors, under the form's own. */
  const errorsWith = (requestError: unknown): FieldErrors => ({
    ...(isApiError(requestError) ? requestError.fieldErrors() : {}),
    ...errors,
  });

  return { ref, errors, setErrors, showErrors, check, showServerErrors, errorsWith };
}
