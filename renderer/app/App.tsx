import { useState } from 'react';
import { ExportFixturesDialog } from '../export/ExportFixturesDialog.tsx';
import { ExportReportDialog } from '../export/ExportReportDialog.tsx';
import { views, shownViewId } from '../views/registry.ts';
import { useApp, useAppState } from './AppContext.ts';
import { CohortBar } from './CohortBar.tsx';
import { DropZone } from './DropZone.tsx';
import { EmptyState } from './EmptyState.tsx';
import { ErrorBanner } from './ErrorBanner.tsx';
import { Header } from './Header.tsx';
import { JobBar } from './JobBar.tsx';
import { useFilePickers } from './use-file-pickers.ts';
import { useMenuCommands } from './use-menu-commands.ts';
import { useShortcuts } from './use-shortcuts.ts';
import { tabId, viewPanelId } from './view-tab-ids.ts';
import { ViewNav } from './ViewNav.tsx';

/** The shell: header, view tabs, jobs and errors, then the shown view or the empty state. */
export function App() {
  const { bridge, session } = useApp();
  // A passing message (a menu command not ready yet, files a drop could not place): UI state,
  // not data, so it lives here rather than in the store.
  const [notice, setNotice] = useState<string | null>(null);
  const pickers = useFilePickers(bridge, session, setNotice);
  useShortcuts(pickers.pick);
  useMenuCommands(bridge, session, setNotice);
  const hasDatasets = useAppState((s) => Object.keys(s.datasets).length > 0);
  const shownId = useAppState(shownViewId);
  const shown = views.find((v) => v.id === shownId);
  const exporting = useAppState((s) => (hasDatasets ? s.exporting : null));

  return (
    <DropZone onNotice={setNotice}>
      <Header pickers={pickers} />
      <ViewNav shownId={shownId} />
      <CohortBar />
      <JobBar />
      <ErrorBanner />
      {notice !== null && (
        <div className="notice" role="status">
          <span>{notice}</span>
          <button type="button" className="button-small" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      )}
      {hasDatasets && shown !== undefined ? (
        <main
          className="view"
          id={viewPanelId}
          role="tabpanel"
          aria-labelledby={tabId(shown.id)}
          tabIndex={-1}
        >
          <shown.View />
        </main>
      ) : (
        <main className="view">
          <EmptyState onOpen={pickers.pick} />
        </main>
      )}
      {exporting === 'report' && <ExportReportDialog />}
      {exporting === 'fixtures' && <ExportFixturesDialog />}
    </DropZone>
  );
}
