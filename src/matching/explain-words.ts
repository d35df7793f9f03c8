import type { Channel, WorkplaceType } from './profiles.ts';
import { Vocabulary } from './vocabulary.ts';

/** Words the criteria's explanations (criteria.ts) are made of. */

/** Program goal number → its title, for explanations people read. */
export type GoalNames = Readonly<Record<number, string>>;

export const WORKPLACE_WORDS: Record<WorkplaceType, string> = {
  public: 'public libraries',
  school: 'school libraries',
  academic: 'academic libraries',
  special: 'special libraries',
  other: 'other workplaces',
};

export const CHANNEL_WORDS: Record<Channel, string> = {
  phone: 'phone calls',
  email: 'e-mail',
  video: 'video calls',
  chat: 'online chat',
  in_person: 'meeting in person',
};

export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${count} ${count === 1 ? word : pluralWord}`;
}

export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] as string}`;
}

/** Items both lists contain, in the mentee's order and spelling. */
export function sharedItems(a: readonly string[] | undefined, b: readonly string[] | undefined): string[] {
  const other = new Set((b ?? []).map(Vocabulary.key));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of a ?? []) {
    const key = Vocabulary.key(item);
    if (key === '' || !other.has(key) || seen.has(key)) continue;
    seen.add(key);
    out.push(item.trim());
  }
  return out;
}

export function years(n: number): string {
  const rounded = Math.round(n * 10) / 10;
  return `${rounded} ${rounded === 1 ? 'year' : 'years'}`;
}
