const msPerDay = 86_400_000;

/** A span in days with one decimal where it matters: "56 days", "55.9 days", "1 day", "0.5 days". */
export function formatDays(ms: number): string {
  const days = Math.round((ms / msPerDay) * 10) / 10;
  return days === 1 ? '1 day' : `${days} days`;
}
