import { useMutation } from '@tanstack/react-query';
import { eventSchema, mediaLinkBodySchema } from '../../../../src/shared/api/events.ts';
import type { EventView } from '../../../../src/shared/api/events.ts';
import type { EventMediaKind } from '../../../../src/shared/events.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshEvents } from './refresh-events.ts';

export { mediaLinkBodySchema };

/** Attaches a recording or slides kept elsewhere (a video site, a shared drive), in place of any before. */
export function setMediaLink(input: { eventId: number; kind: EventMediaKind; url: string }): Promise<EventView> {
  return apiRequest(`/api/events/${input.eventId}/media/${input.kind}`, eventSchema, { method: 'PUT', body: { url: input.url } });
}

export function useSetMediaLink() {
  const refresh = useRefreshEvents();
  return useMutation({ mutationFn: setMediaLink, onSuccess: (event) => refresh(event) });
}
