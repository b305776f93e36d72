import type { WorkspaceNotice } from './workspace-notice.ts';
import './workspace.css';

/**
 * What saving or opening a workspace had to say, under the app bar until dismissed: the summary,
 * then what to act on (an input changed or missing), marked as a warning, then what is worth knowing.
 */
export function WorkspaceNoticeBar({
  notice,
  onDismiss,
}: {
  notice: WorkspaceNotice;
  onDismiss: () => void;
}) {
  const { summary, problems, info } = notice;
  const warn = problems.length > 0;
  return (
    <div
      className={`notice workspace-notice${warn ? ' workspace-notice-warn' : ''}`}
      role="status"
      data-testid="workspace-notice"
    >
      <div>
        <p className="workspace-notice-summary">{summary}</p>
        {(warn || info.length > 0) && (
          <ul>
            {problems.map((line, i) => (
              <li key={`p${i}`} className="workspace-notice-problem">
                {line}
              </li>
            ))}
            {info.map((line, i) => (
              <li key={`i${i}`} className="workspace-notice-info">
                {line}
              </li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" className="button-small" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
