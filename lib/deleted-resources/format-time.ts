const UTC_FORMAT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
});

/**
 * "2 Dec 2026, 14:05 UTC": the same text on the server (which writes status sentences) and in every browser,
 * whatever their time zones.
 */
export function formatUtc(date: Date): string {
  return `${UTC_FORMAT.format(date)} UTC`;
}
