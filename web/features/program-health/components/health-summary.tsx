import type { ProgramHealth } from '../api/get-program-health.ts';

/** The period at a glance: four numbers with their words. */
export function HealthSummary({ health }: { health: ProgramHealth }) {
  const t = health.totals;
  const items = [
    { label: 'Active matches', value: t.activeMatches },
    { label: 'Need attention', value: t.needingAttention },
    { label: `Quiet for ${health.quietAfterWeeks}+ weeks`, value: t.quietMatches },
    { label: 'Goal sheets overdue', value: t.overdueSheets },
  ];
  return (
    <section aria-labelledby="health-summary" className="home-section">
      <h2 id="health-summary" className="visually-hidden">
        Summary
      </h2>
      <dl className="health-stats">
        {items.map((i) => (
          <div key={i.label} className="health-stat">
            <dt>{i.label}</dt>
            <dd>{i.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
