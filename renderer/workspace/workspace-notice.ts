/** What saving or opening a workspace tells the user. */
export interface WorkspaceNotice {
  /** Saved, opened, or not, in one sentence. */
  summary: string;
  /** What to act on: an input changed or missing, a side not opened, why it failed. */
  problems: string[];
  /** Worth knowing, nothing to fix: a file fetched from the bundled samples, one not used. */
  info: string[];
}

/** A notice with nothing to act on or add. */
export const noticeOf = (summary: string): WorkspaceNotice => ({ summary, problems: [], info: [] });

/** A failure: what did not happen, then why. */
export const failureNotice = (summary: string, reason: string): WorkspaceNotice => ({
  summary,
  problems: [reason],
  info: [],
});

/** The notice as one line, for the shell's single-line notice (desktop menu commands). */
export function noticeText(notice: WorkspaceNotice): string {
  return [notice.summary, ...notice.problems, ...notice.info].join(' · ');
}
