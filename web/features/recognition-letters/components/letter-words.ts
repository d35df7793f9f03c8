const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "11 months, 2 mentees": what a letter says about the service, in short. */
export function serviceInWords(months: number, partners: number): string {
  return `${plural(months, 'month', 'months')} as a mentor, ${plural(partners, 'mentee', 'mentees')}`;
}
