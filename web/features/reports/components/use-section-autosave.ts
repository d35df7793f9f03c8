import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ReportSection, RichNode } from '../../../../src/shared/api/reports.ts';
import { ApiError, isApiError } from '../../../lib/api-error.ts';
import { useMe } from '../../../lib/reads/me.ts';
import { useFlushWhenLeaving } from '../../../lib/use-flush-when-leaving.ts';
import { getReport } from '../api/get-report.ts';
import { reportKeys } from '../api/report-keys.ts';
import { rememberSection, saveSection } from '../api/save-section.ts';

/** How long after the last keystroke a section is saved. */
const DELAY_MS = 1000;

export interface SectionDraft {
  title: string;
  body: RichNode;
}

export type SectionSaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'failed'; error: unknown }
  /** Someone else saved a newer version first; `theirs` is it (null when it could not be fetched). */
  | { kind: 'conflict'; theirs: ReportSection | null };

/**
 * Saves a section as people type: a moment after each change, when the tab is hidden and when
 * they leave the page; one save at a time, always of the latest text. Each save names the revision
 * it started from. When someone else saved in between, nothing more is sent until the person
 * chooses: load the other version, or keep theirs and save it over it. Their text stays in the
 * editor either way until they choose.
 */
export function useSectionAutosave(reportId: number, section: ReportSection) {
  const queryClient = useQueryClient();
  const myName = useMe().data?.name ?? null;
  const sectionId = section.id;
  const [state, setState] = useState<SectionSaveState>({ kind: 'idle' });
  const revision = useRef(section.revision);
  /** What the editor shows now. */
  const latest = useRef<SectionDraft>({ title: section.title, body: section.body });
  /** Changed since the last save started; null when there is nothing new to save. */
  const pending = useRef<SectionDraft | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** True while a conflict waits for the person's choice, or after the section was removed. */
  const held = useRef(false);
  const mounted = useRef(false);

  const show = useCallback((next: SectionSaveState) => {
    if (mounted.current) setState(next);
  }, []);

  /** Saves what is pending now; resolves true once everything changed so far is saved. */
  const flush = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    while (inFlight.current) await inFlight.current;
    if (held.current) return pending.current === null;
    const draft = pending.current;
    if (draft === null) return true;
    if (draft.title.trim() === '') {
      show({ kind: 'failed', error: new ApiError(400, 'TITLE_MISSING', 'Give the section a title to save it.') });
      return false;
    }
    pending.current = null;
    show({ kind: 'saving' });
    let ok = true;
    const run = saveSection(reportId, sectionId, { title: draft.title, body: draft.body, revision: revision.current }).then(
      (saved) => {
        revision.current = saved.revision;
        rememberSection(queryClient, reportId, sectionId, draft.title, saved, myName);
        void queryClient.invalidateQueries({ queryKey: reportKeys.history(reportId, sectionId) });
        show({ kind: 'saved', at: saved.updatedAt });
      },
      async (error: unknown) => {
        ok = false;
        // Keep it for the next try, unless newer text is already waiting.
        pending.current ??= draft;
        if (isApiError(error) && error.code === 'SECTION_CHANGED') {
          held.current = true;
          let theirs: ReportSection | null = null;
          try {
            theirs = (await getReport(reportId)).sections.find((s) => s.id === sectionId) ?? null;
          } catch {
            // Shown as "someone else saved"; keeping theirs will fetch it again.
          }
          show({ kind: 'conflict', theirs });
        } else {
          show({ kind: 'failed', error });
        }
      },
    );
    inFlight.current = run;
    await run;
    inFlight.current = null;
    return ok && pending.current === null;
  }, [queryClient, reportId, sectionId, show, myName]);

  useFlushWhenLeaving(flush);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      // Leaving the page: what isn't saved yet goes now.
      if (pending.current && !held.current) void flush();
    };
  }, [flush]);

  return {
    state,
    /** The title or text changed: save it in a moment. */
    changed: (draft: SectionDraft) => {
      latest.current = draft;
      pending.current = draft;
      if (held.current) return;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DELAY_MS);
    },
    /** Save what is pending now (before publishing); true once all of it is saved. */
    flush,
    /** Take the other person's version: returns it for the editor to show. */
    loadTheirs: (theirs: ReportSection): SectionDraft => {
      revision.current = theirs.revision;
      pending.current = null;
      held.current = false;
      latest.current = { title: theirs.title, body: theirs.body };
      rememberSection(queryClient, reportId, sectionId, theirs.title, theirs, theirs.updatedByName);
      show({ kind: 'saved', at: theirs.updatedAt });
      return latest.current;
    },
    /** Keep what the editor shows and save it over the newer version. */
    keepMine: async (theirs: ReportSection | null): Promise<boolean> => {
      let newest = theirs;
      if (!newest) {
        try {
          newest = (await getReport(reportId)).sections.find((s) => s.id === sectionId) ?? null;
        } catch (error) {
          show({ kind: 'failed', error });
          return false;
        }
      }
      if (newest) revision.current = newest.revision;
      held.current = false;
      pending.current = latest.current;
      return flush();
    },
    /** The section is being removed: send nothing more. */
    stop: async () => {
      clearTimeout(timer.current);
      held.current = true;
      pending.current = null;
      while (inFlight.current) await inFlight.current;
    },
  };
}
