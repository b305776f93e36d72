// The missing-rate shift rule (STATS.md "Missing-rate shift"), for the table and the timeline.

/** The current missing rate must exceed the reference's by at least 5 points. */
export const MISSING_SHIFT = 0.05;

/** Rates are quotients of counts: 0.15 - 0.1 is 0.04999999999999999, still 5 points. */
const RATE_SLACK = 1e-12;

/** Whether a rise in the missing rate (current - reference) is large enough to flag. */
export function isMissingRise(delta: number | null): boolean {
  return delta !== null && delta >= MISSING_SHIFT - RATE_SLACK;
}
