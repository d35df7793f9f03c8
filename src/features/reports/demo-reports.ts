import type { Deps } from '../../deps.ts';
import type { ChartRef, RichNode } from '../../shared/api/reports.ts';
import { chartKey } from '../../shared/api/reports.ts';
import { fixedClock } from '../../time/clock.ts';
import type { Actor } from '../accounts/actor.ts';
import { findUserIdByEmail } from '../accounts/people.service.ts';
import { listResultSurveys } from '../surveys/surveys.service.ts';
import { liveChart } from './report-charts.ts';
import { changeReport, createReport, publishReport, saveSection } from './reports.service.ts';

const DEMO_TASKFORCE = 'taskforce@demo.tandem.test';

const text = (t: string, marks?: RichNode['marks']): RichNode => (marks ? { type: 'text', text: t, marks } : { type: 'text', text: t });
const p = (...content: (string | RichNode)[]): RichNode => ({
  type: 'paragraph',
  content: content.map((c) => (typeof c === 'string' ? text(c) : c)),
});
const chart = (ref: ChartRef): RichNode => ({ type: 'chart', attrs: { ref } });
const list = (...items: string[]): RichNode => ({ type: 'bulletList', content: items.map((i) => ({ type: 'listItem', content: [p(i)] })) });
const doc = (...content: RichNode[]): RichNode => ({ type: 'doc', content });

/**
 * The demo's annual reports, written by the demo task-force member through the real use cases:
 * last year's cohort has a published report (with the period's own figures and a wrap-up survey
 * question as charts, frozen), and this year's cohort a draft just started from the default outline.
 * Only charts that show (enough people behind them) go into the published one.
 */
export async function seedDemoReports(
  deps: Deps,
  o: { lastPeriod: { id: number; name: string }; currentPeriodId: number; publishOn: Date },
): Promise<void> {
  const userId = await findUserIdByEmail(deps.db, DEMO_TASKFORCE);
  if (userId === undefined) throw new Error(`demo account ${DEMO_TASKFORCE} is missing`);
  const writer: Actor = { userId, roles: ['taskforce'] };
  const then = { ...deps, clock: fixedClock(o.publishOn) };

  const showing = async (refs: ChartRef[]) => {
    const out: ChartRef[] = [];
    for (const ref of refs) if (!(await liveChart(then, ref)).suppressed) out.push(ref);
    return out;
  };
  const figures = await showing([
    { source: 'figures', periodId: o.lastPeriod.id, figure: 'applications' },
    { source: 'figures', periodId: o.lastPeriod.id, figure: 'outcomes' },
  ]);
  const wrapUp = (await listResultSurveys(then)).find(
    (s) => s.periodId === o.lastPeriod.id && s.kind === 'wrap-up' && s.state === 'closed',
  );
  const voices = wrapUp
    ? await showing([
        { source: 'survey', surveyId: wrapUp.id, questionId: 'overall' },
        { source: 'survey', surveyId: wrapUp.id, questionId: 'recommend' },
      ])
    : [];

  const report = await createReport(then, writer, { periodId: o.lastPeriod.id, title: `${o.lastPeriod.name}: the year in review` });
  const bodies: Record<string, RichNode> = {
    'The year in numbers': doc(
      p(
        `${o.lastPeriod.name} was the first year every pair wrote a goal sheet in Tandem. Most pairs met monthly and kept going to the end of the program year.`,
      ),
      ...figures.map(chart),
      p('Every applicant who was ready for a match got one; the charts count applications, not people.'),
    ),
    'What participants said': doc(
      p('Most people who answered the wrap-up survey were satisfied with their year, and would recommend the program to a colleague.'),
      ...voices.map(chart),
      p(
        'In their own words, people valued ',
        text('having someone outside their library to think out loud with', [{ type: 'italic' }]),
        ', and small goals set early.',
      ),
    ),
    'What worked': doc(
      list(
        'Monthly calls that stayed on the calendar.',
        'Goal sheets that gave the first meetings a shape.',
        'Meeting in person at the state conference.',
      ),
    ),
    'What to change': doc(
      p('Forums at one fixed hour left out people in other time zones, and a few pairs drifted once their first goals were met.'),
    ),
    Recommendations: doc(
      {
        type: 'orderedList',
        attrs: { start: 1 },
        content: [
          { type: 'listItem', content: [p('Record every forum and share it the same week.')] },
          { type: 'listItem', content: [p('Send a mid-year nudge to revisit the goal sheet.')] },
          { type: 'listItem', content: [p('Recruit more mentors from school libraries.')] },
        ],
      },
      p('Read more about the program at ', text('our website', [{ type: 'link', attrs: { href: 'https://example.org/mentoring' } }]), '.'),
    ),
  };
  for (const section of report.sections) {
    const body = bodies[section.title];
    if (body) await saveSection(then, writer, report.id, section.id, { title: section.title, body, revision: section.revision });
  }
  const published = await publishReport(then, writer, report.id);
  if (published.charts.length === 0 || published.charts.some((c) => c.data.suppressed)) {
    throw new Error(`demo: the published report should show a chart (${published.charts.map((c) => chartKey(c.ref)).join(', ')})`);
  }
  // Shared with mentors and mentees, who find it on their home page.
  await changeReport(then, writer, report.id, { visibility: 'participants' });

  // This year's draft: the default outline, just started.
  await createReport(deps, writer, { periodId: o.currentPeriodId });
}
