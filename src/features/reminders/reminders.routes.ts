import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/access.ts';
import type { App } from '../../http/types.ts';
import { errorResponses, idParamsSchema } from '../../shared/api/common.ts';
import { reminderListSchema, reminderQuerySchema, reminderSchema } from '../../shared/api/reminders.ts';
import { cancelReminder, listReminderViews } from './reminders.service.ts';

export function reminderRoutes(deps: Deps) {
  return async (app: App) => {
    app.get(
      '/api/reminders',
      {
        config: { access: ['staff'] },
        schema: {
          tags: ['reminders'],
          summary: 'Reminder e-mails to matches: scheduled, sent, skipped, failed or cancelled',
          querystring: reminderQuerySchema,
          response: { 200: reminderListSchema, ...errorResponses },
        },
      },
      (request) => listReminderViews(deps, request.query),
    );

    app.post(
      '/api/reminders/:id/cancel',
      {
        config: { access: ['staff'] },
        schema: {
          tags: ['reminders'],
          summary: 'Cancel a scheduled reminder before it goes out',
          params: idParamsSchema,
          response: { 200: reminderSchema, ...errorResponses },
        },
      },
      (request) => cancelReminder(deps, actorOf(request), request.params.id),
    );
  };
}
