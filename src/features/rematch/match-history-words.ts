import type { MatchEventRecord } from '../matches/matches.service.ts';

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);

/** One entry of a match's history as a sentence for staff, and the other match it points to. */
export function historyLine(e: MatchEventRecord): { text: string; relatedMatchId: number | null } {
  const d = e.details;
  const who = e.actorName ?? 'The program';
  switch (e.kind) {
    case 'made': {
      const from = num(d.fromMatchId);
      if (from !== null) return { text: `Made by ${who} as a re-match, replacing match ${from}.`, relatedMatchId: from };
      return {
        text: num(d.matchingRunId) !== null ? `Made when ${who} approved matching run ${num(d.matchingRunId)}.` : 'Made.',
        relatedMatchId: null,
      };
    }
    case 'rematch_requested':
      return { text: `${e.actorName ?? 'Someone'} asked for a new partner (as ${str(d.side) ?? 'participant'}).`, relatedMatchId: null };
    case 'rematch_withdrawn':
      return { text: `${e.actorName ?? 'Someone'} withdrew their request for a new partner.`, relatedMatchId: null };
    case 'rematch_kept':
      return { text: `${who} kept the match and wrote to the person who asked.`, relatedMatchId: null };
    case 'rematched': {
      const next = num(d.newMatchId);
      return {
        text: `${str(d.name) ?? 'One of them'} was re-matched with ${str(d.newPartnerName) ?? 'a new partner'} by ${who}.`,
        relatedMatchId: next,
      };
    }
    case 'reapply':
      return {
        text: `${str(d.name) ?? 'One of them'} was carried into ${str(d.periodName) ?? 'the next period'}'s pool by ${who}.`,
        relatedMatchId: null,
      };
    case 'ended': {
      const reason = str(d.reason)?.trim();
      const text = `Ended by ${who}${reason ? `: ${reason}` : ''}`;
      return { text: /[.!?…]$/.test(text) ? text : `${text}.`, relatedMatchId: null };
    }
    case 'liaison_assigned':
      return {
        text: str(d.liaisonName) ? `${who} made ${str(d.liaisonName)} the liaison.` : `${who} changed the liaison.`,
        relatedMatchId: null,
      };
    case 'check_in_sent':
      return { text: `${who} sent both a check-in.`, relatedMatchId: null };
    case 'check_in_answered':
      return {
        text: `${str(d.name) ?? 'One of them'} answered the check-in: ${d.answer === 'talk' ? 'would like to talk to the program office' : 'all good'}.`,
        relatedMatchId: null,
      };
  }
}
