import type { ReactNode } from 'react';
import { ChoiceFieldset } from './choice-fieldset.tsx';
import { usePendingValue } from './use-pending-value.ts';

export interface RadioOption<T extends string> {
  value: T;
  label: ReactNode;
  /** A line under the option, tied to it for screen readers. */
  hint?: ReactNode;
}

interface RadioGroupProps<T extends string> {
  legend: ReactNode;
  options: readonly RadioOption<T>[];
  /** '' when nothing is chosen yet. */
  value: T | '';
  onChange: (value: T) => void;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  disabled?: boolean;
  /** Options one under another, for long labels. */
  stacked?: boolean;
}

/**
 * A fieldset of radio buttons for picking exactly one value. The choice shows at once even when
 * it lives in the address (usePendingValue).
 */
export function RadioGroup<T extends string>({ options, value, onChange, disabled, stacked, ...fieldset }: RadioGroupProps<T>) {
  const [shown, choose] = usePendingValue<T | ''>(value);
  return (
    <ChoiceFieldset {...fieldset}>
      {(id) => (
        <div className={stacked ? 'choices choices--stacked' : 'choices'}>
          {options.map((o) => (
            <div className="choice-with-hint" key={o.value}>
              <label className="choice">
                <input
                  type="radio"
                  name={id}
                  value={o.value}
                  checked={shown === o.value}
                  disabled={disabled}
                  required={fieldset.required}
                  aria-invalid={fieldset.error ? true : undefined}
                  aria-describedby={o.hint ? `${id}-${o.value}-hint` : undefined}
                  onChange={() => {
                    choose(o.value);
                    onChange(o.value);
                  }}
                />
                {o.label}
              </label>
              {o.hint ? (
                <p className="field__hint choice__hint" id={`${id}-${o.value}-hint`}>
                  {o.hint}
                </p>
              ) : null}
            </div>
          ))}
        </div>
      )}
    </ChoiceFieldset>
  );
}
