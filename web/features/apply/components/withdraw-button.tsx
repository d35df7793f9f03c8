import { useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import type { Application } from '../api/get-my-applications.ts';
import { useWithdrawApplication } from '../api/withdraw-application.ts';

/** Withdraw, with a second click to be sure. */
export function WithdrawButton({ application, onWithdrawn }: { application: Application; onWithdrawn?: () => void }) {
  const withdraw = useWithdrawApplication();
  // 'back' = they chose to keep it; focus returns to the Withdraw button.
  const [step, setStep] = useState<'idle' | 'confirming' | 'back'>('idle');
  const what = `${application.role} application for ${application.periodName}`;
  if (step !== 'confirming') {
    return (
      <Button variant="danger" small autoFocus={step === 'back'} onClick={() => setStep('confirming')}>
        Withdraw<span className="visually-hidden"> your {what}</span>
      </Button>
    );
  }
  return (
    <span className="confirm-inline" role="group" aria-label="Confirm withdrawal">
      <span>Withdraw your {what}? The program office will be told. While applications are open you can apply again from your home page.</span>
      <span className="item-row__actions">
        <Button variant="danger" small busy={withdraw.isPending} onClick={() => withdraw.mutate(application.id, { onSuccess: () => onWithdrawn?.() })}>
          Yes, withdraw it
        </Button>
        <Button variant="secondary" small autoFocus onClick={() => setStep('back')}>
          Keep it
        </Button>
      </span>
      {withdraw.isError ? (
        <span role="alert" className="field__error">
          {errorMessage(withdraw.error)}
        </span>
      ) : null}
    </span>
  );
}
