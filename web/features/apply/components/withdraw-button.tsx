import { ConfirmAction } from '../../../components/ui/confirm-action.tsx';
import type { Application } from '../api/get-my-applications.ts';
import { useWithdrawApplication } from '../api/withdraw-application.ts';

/** Withdraw, with a second click to be sure. */
export function WithdrawButton({ application, onWithdrawn }: { application: Application; onWithdrawn?: () => void }) {
  const withdraw = useWithdrawApplication();
  const what = `${application.role} application for ${application.periodName}`;
  return (
    <ConfirmAction
      label="Withdraw"
      labelDetail={`your ${what}`}
      question={`Withdraw your ${what}? The program office will be told. While applications are open you can apply again from your home page.`}
      groupLabel="Confirm withdrawal"
      confirmLabel="Yes, withdraw it"
      busy={withdraw.isPending}
      error={withdraw.isError ? withdraw.error : null}
      onConfirm={() => withdraw.mutate(application.id, { onSuccess: () => onWithdrawn?.() })}
    />
  );
}
