import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/access.ts';
import type { App } from '../../http/types.ts';
import { backupScheduleSchema, backupsOverviewSchema } from '../../shared/api/backups.ts';
import { errorResponses } from '../../shared/api/common.ts';
import { startBackupDownload } from './backup.service.ts';
import { backupsOverview, changeBackupSchedule } from './scheduled-backups.ts';

/** Backups hold everyone's data, password hashes and confidential answers included: staff only. */
const STAFF = ['staff'] as const;
const TAGS = ['backups'];

export function backupRoutes(deps: Deps) {
  return async (app: App) => {
    app.get(
      '/api/backups',
      {
        config: { access: STAFF },
        schema: {
          tags: TAGS,
          summary: 'The backup schedule and the scheduled backups kept in the data directory',
          response: { 200: backupsOverviewSchema, ...errorResponses },
        },
      },
      () => backupsOverview(deps),
    );

    app.put(
      '/api/backups/schedule',
      {
        config: { access: STAFF },
        schema: {
          tags: TAGS,
          summary: 'Turn scheduled (daily) backups on or off, and how many to keep',
          body: backupScheduleSchema,
          response: { 200: backupsOverviewSchema, ...errorResponses },
        },
      },
      (request) => changeBackupSchedule(deps, actorOf(request), request.body),
    );

    app.get(
      '/api/backups/download',
      {
        config: { access: STAFF },
        schema: {
          tags: TAGS,
          summary: 'A backup of everything, made now and streamed as it is written (a .tar.gz; recorded in the audit log)',
          response: { 200: z.any().describe('A gzip’d tar archive (application/gzip)'), ...errorResponses },
        },
      },
      async (request, reply) => {
        const { fileName, stream } = await startBackupDownload(deps, actorOf(request));
        return reply
          .type('application/gzip')
          .header('content-disposition', `attachment; filename="${fileName}"`)
          .header('cache-control', 'private, no-store')
          .send(stream);
      },
    );
  };
}
