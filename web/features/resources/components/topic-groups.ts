/**
 * Resources under their topics, in the order the server sent them (topic, then position). Topics
 * that differ only in case or accents are one group, shown as first spelled.
 */
export function groupByTopic<T extends { topic: string }>(items: readonly T[]): { topic: string; items: T[] }[] {
  const groups: { topic: string; items: T[] }[] = [];
  const same = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' }) === 0;
  for (const item of items) {
    const group = groups.find((g) => same(g.topic, item.topic));
    if (group) group.items.push(item);
    else groups.push({ topic: item.topic, items: [item] });
  }
  return groups;
}

/** The topics in use, for suggesting one when adding a resource. */
export function topicsOf(items: readonly { topic: string }[]): string[] {
  return groupByTopic(items).map((g) => g.topic);
}
