import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Answers } from '../../../../src/shared/api/surveys.ts';
import { useFlushWhenLeaving } from '../../../lib/use-flush-when-leaving.ts';
import { rememberDraft, saveDraft } from '../api/save-draft.ts';

/** How long after the last change the draft is saved: long enough not to save every keystroke. */
const DELAY_MS = 1500;

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'failed'; error: unknown };

/**
 * Saves the person's unfinished answers as they go: a moment after each change, when the tab is
 * hidden or closed, and when they leave the page. One save at a time, always of the latest answers;
 * a failed save is kept and tried again with the next change (or "Save and finish later").
 */
export function useAutosave(surveyId: number, savedAt: string | null) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<SaveState>(savedAt ? { kind: 'saved', at: savedAt } : { kind: 'idle' });
  /** Answers changed since the last save started; null when there is nothing new to save. */
  const pending = useRef<Answers | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const mounted = useRef(false);

  /** Saves what is pending now; resolves true once everything changed so far is saved. */
  const flush = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    while (inFlight.current) await inFlight.current;
    const answers = pending.current;
    if (answers === null) return true;
    pending.current = null;
    if (mounted.current) setState({ kind: 'saving' });
    let ok = true;
    const run = saveDraft({ surveyId, answers }).then(
      ({ savedAt: at }) => {
        rememberDraft(queryClient, surveyId, answers, at);
        if (mounted.current) setState({ kind: 'saved', at });
      },
      (error: unknown) => {
        ok = false;
        // Keep them for the next try, unless newer answers are already waiting.
        pending.current ??= answers;
        if (mounted.current) setState({ kind: 'failed', error });
      },
    );
    inFlight.current = run;
    await run;
    inFlight.current = null;
    return ok && pending.current === null;
  }, [queryClient, surveyId]);

  useFlushWhenLeaving(flush);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      // Leaving the page: what isn't saved yet goes now, and shows at once if they come back.
      if (pending.current) {
        rememberDraft(queryClient, surveyId, pending.current, null);
        void flush();
      }
    };
  }, [flush, queryClient, surveyId]);

  return {
    state,
    /** The answers changed: save them in a moment. */
    changed: (answers: Answers) => {
      pending.current = answers;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DELAY_MS);
    },
    /** Save these answers now ("Save and finish later"). */
    saveNow: (answers: Answers) => {
      pending.current = answers;
      return flush();
    },
    /** Stop saving drafts (the answers are being sent), once any save under way has finished. */
    stop: async () => {
      clearTimeout(timer.current);
      pending.current = null;
      while (inFlight.current) await inFlight.current;
    },
  };
}
