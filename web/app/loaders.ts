import { redirect } from 'react-router';
import type { LoaderFunctionArgs } from 'react-router';
import { meQueryOptions } from '../lib/reads/me.ts';
import { setupStatusQueryOptions } from '../features/setup/api/get-setup-status.ts';
import { queryClient } from './query-client.ts';

/** Public pages: a brand-new install goes to setup first. */
export async function publicLoader() {
  const status = await queryClient.ensureQueryData(setupStatusQueryOptions());
  if (status.needsSetup) throw redirect('/setup');
  return null;
}

/** The setup page only exists until the program has been created. */
export async function setupLoader() {
  const status = await queryClient.ensureQueryData(setupStatusQueryOptions());
  if (!status.needsSetup) throw redirect('/');
  return null;
}

/** Signed-in pages: send signed-out people to sign in, then back where they were going. */
export async function signedInLoader({ request }: LoaderFunctionArgs) {
  const status = await queryClient.ensureQueryData(setupStatusQueryOptions());
  if (status.needsSetup) throw redirect('/setup');
  const me = await queryClient.ensureQueryData(meQueryOptions());
  if (!me) {
    const url = new URL(request.url);
    const next = url.pathname + url.search;
    throw redirect(next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`);
  }
  return null;
}

/** The apply pages are public, but look different for someone signed in: know who it is first. */
export async function applyLoader() {
  const status = await queryClient.ensureQueryData(setupStatusQueryOptions());
  if (status.needsSetup) throw redirect('/setup');
  await queryClient.ensureQueryData(meQueryOptions());
  return null;
}
