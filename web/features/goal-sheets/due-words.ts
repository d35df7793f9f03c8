/** "in 12 days", "tomorrow", "today", "3 days ago": how far away a due date is, in words. */
export function daysLeftWords(daysLeft: number): string {
  if (daysLeft === 0) return 'today';
  if (daysLeft === 1) return 'tomorrow';
  if (daysLeft === -1) return 'yesterday';
  return daysLeft > 1 ? `in ${daysLeft} days` : `${-daysLeft} days ago`;
}

/** For the staff list: "12 days left", "Due today", "3 days overdue". */
export function daysLeftShort(daysLeft: number): string {
  if (daysLeft === 0) return 'Due today';
  if (daysLeft > 0) return `${daysLeft} ${daysLeft === 1 ? 'day' : 'days'} left`;
  return `${-daysLeft} ${daysLeft === -1 ? 'day' : 'days'} overdue`;
}
