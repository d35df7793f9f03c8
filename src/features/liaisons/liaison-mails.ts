import type { LiaisonMatch } from '../../shared/api/program-health.ts';
import type { MailDraft } from '../notifications/mail.service.ts';

export interface LiaisonWords {
  programName: string;
  /** The app's origin, e.g. https://mentoring.example.org */
  origin: string;
}

interface Pair {
  mentee: { name: string };
  mentor: { name: string };
  periodName: string;
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const pairLine = (p: Pair) => `${p.mentee.name} (mentee) and ${p.mentor.name} (mentor), ${p.periodName}`;

/** To a committee member who was just made the liaison of one or more pairs. */
export function liaisonAssignedMail(p: LiaisonWords & { to: { address: string; name: string }; pairs: readonly Pair[] }): MailDraft {
  const one = p.pairs.length === 1;
  return {
    to: p.to,
    kind: 'liaison-assigned',
    subject: one
      ? `You are now the liaison for ${p.pairs[0]?.mentee.name ?? 'a pair'}`
      : `You are now the liaison for ${p.pairs.length} pairs`,
    text: [
      `Hello ${p.to.name},`,
      '',
      `The program office has asked you to look after ${one ? 'this pair' : 'these pairs'} in ${p.programName}:`,
      '',
      ...p.pairs.map((pair) => `- ${pairLine(pair)}`),
      '',
      'As their liaison you see how each pair is doing — a goal sheet running late, a quiet spell, a request for a new partner — and you are someone they can turn to besides the program office. A short friendly note now and then is all it takes.',
      '',
      `Your pairs and what needs attention: ${p.origin}/liaison`,
      '',
      'When something needs your attention, you will also get a short e-mail on Monday mornings. No news, no e-mail.',
    ].join('\n'),
  };
}

/** A liaison's Monday e-mail: the pairs that need attention and why. Only sent when there is at least one. */
export function weeklyDigestMail(p: LiaisonWords & { to: { address: string; name: string }; pairs: readonly LiaisonMatch[] }): MailDraft {
  return {
    to: p.to,
    kind: 'liaison-weekly',
    subject: `Your pairs this week: ${count(p.pairs.length, 'pair needs', 'pairs need')} attention`,
    text: [
      `Hello ${p.to.name},`,
      '',
      `Of the pairs you look after in ${p.programName}, ${p.pairs.length === 1 ? 'this one needs' : `these ${p.pairs.length} need`} attention this week (most urgent first):`,
      '',
      ...p.pairs.flatMap((pair) => [`- ${pairLine(pair)}`, ...pair.reasons.map((r) => `    ${r.label}: ${r.text}.`), '']),
      `See all your pairs: ${p.origin}/liaison`,
      '',
      'You get this e-mail on Mondays when something needs attention, and none when all is well.',
    ].join('\n'),
  };
}
