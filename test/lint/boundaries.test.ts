import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layout's boundaries are lint rules (eslint.config.js, boundaries/dependencies), not habit:
 * each case below is a file that does not exist, linted as if it stood at that path.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'boundaries/dependencies').map((m) => m.message);
}

describe('architecture boundaries', () => {
  it('keeps web features from importing each other', async () => {
    const errors = await boundaryErrors(
      'web/features/activities/components/boundary-probe.tsx',
      "import { useResources } from '../../resources/api/get-resources.ts';\nexport const probe = useResources;\n",
    );
    expect(errors).toEqual([expect.stringContaining('Web features do not import each other')]);
  });

  it('keeps routes away from stores, even their own feature’s', async () => {
    const errors = await boundaryErrors(
      'src/features/periods/probe.routes.ts',
      "import { findPeriod } from './periods.store.ts';\nexport const probe = findPeriod;\n",
    );
    expect(errors).toEqual([expect.stringContaining('Routes call services')]);
  });

  it("keeps a server feature out of another feature's store, and lets it call that feature's service", async () => {
    const store = await boundaryErrors(
      'src/features/goal-sheets/probe.service.ts',
      "import { findPeriod } from '../periods/periods.store.ts';\nexport const probe = findPeriod;\n",
    );
    expect(store).toEqual([expect.stringContaining("Another feature's store")]);
    const service = await boundaryErrors(
      'src/features/goal-sheets/probe.service.ts',
      "import { findPeriod } from '../periods/periods.service.ts';\nexport const probe = findPeriod;\n",
    );
    expect(service).toEqual([]);
  });

  it('keeps the job queue from importing its clients', async () => {
    const errors = await boundaryErrors(
      'src/features/jobs/probe.ts',
      "import { reminderJobHandlers } from '../reminders/reminder-jobs.ts';\nexport const probe = reminderJobHandlers;\n",
    );
    expect(errors).toEqual([expect.stringContaining('The job queue knows none of its clients')]);
  });
});
