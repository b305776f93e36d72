import { useCallback, useRef, useState, type ChangeEvent } from 'react';
import { WORKSPACE_EXTENSION } from '../../shared/workspace/workspace-schema.ts';
import type { PickedFile } from '../engine/session-types.ts';
import type { DatasetSide } from '../store/datasets-slice.ts';
import { openWorkspaceFromDesktop, openWorkspaceFromFiles } from '../workspace/open-workspace.ts';
import { saveWorkspace } from '../workspace/save-workspace.ts';
import type { WorkspaceNotice } from '../workspace/workspace-notice.ts';
import { WorkspaceNoticeBar } from '../workspace/WorkspaceNoticeBar.tsx';
import { useApp, useAppState } from './AppContext.ts';
import { datasetSides, sideTitles } from './dataset-sides.ts';
import { ariaShortcut, shortcutHint } from './shortcuts.ts';
import type { FilePickers } from './use-file-pickers.ts';
import { useSaveShortcut } from './use-shortcuts.ts';

/** What the loader reads (shared/engine/detect-format.ts), for the browser's file picker. */
export const acceptedFileTypes = '.csv,.tsv,.json,.jsonl,.ndjson,.parquet,.arrow,.feather,.ipc,.gz';

/** The workspace picker takes the `.faultline.json` and its data files in one choice. */
export const workspaceFileTypes = `.json,${acceptedFileTypes}`;

/**
 * The app bar: the name, one Open button per side (each backed by a hidden file input), and
 * saving and opening the workspace, whose outcome shows in a notice under the bar.
 */
export function Header({ pickers }: { pickers: FilePickers }) {
  const { store, session, bridge, mac } = useApp();
  const hasDatasets = useAppState((s) => Object.keys(s.datasets).length > 0);
  const workspaceInput = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState<WorkspaceNotice | null>(null);
  const [opening, setOpening] = useState(false);
  const onFiles = (side: DatasetSide) => (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const files: PickedFile[] = [...(input.files ?? [])].map((file) => ({ kind: 'file', file }));
    // Cleared so choosing the same file again (after fixing it on disk) fires change again.
    input.value = '';
    if (files.length > 0) void session.open(side, files);
  };
  const save = useCallback(() => {
    void saveWorkspace({ store, bridge }).then((saved) => {
      if (saved !== null) setNotice(saved);
    });
  }, [store, bridge]);
  useSaveShortcut(save);
  const showOpened = (opened: Promise<WorkspaceNotice | null>) => {
    setOpening(true);
    setNotice(null);
    void opened.then((outcome) => {
      setOpening(false);
      if (outcome !== null) setNotice(outcome);
    });
  };
  const openWorkspace = () => {
    if (bridge !== null) showOpened(openWorkspaceFromDesktop({ store, session }, bridge));
    else workspaceInput.current?.click();
  };
  const onWorkspaceFiles = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length > 0) showOpened(openWorkspaceFromFiles({ store, session }, files));
  };
  const saveCommand = { kind: 'save' } as const;
  return (
    <>
      <header className="app-header">
        <h1 className="app-name">Faultline</h1>
        <div className="open-buttons">
          {datasetSides.map((side) => {
            const command = { kind: 'open', side } as const;
            return (
              <button
                key={side}
                type="button"
                onClick={() => pickers.pick(side)}
                title={`Open files as the ${side} dataset (${shortcutHint(command, mac)})`}
                aria-keyshortcuts={ariaShortcut(command, mac)}
              >
                {`Open ${side}…`}
              </button>
            );
          })}
        </div>
        <div className="workspace-buttons">
          <button
            type="button"
            onClick={save}
            disabled={!hasDatasets}
            title={`Save the investigation as a ${WORKSPACE_EXTENSION} file (${shortcutHint(saveCommand, mac)})`}
            aria-keyshortcuts={ariaShortcut(saveCommand, mac)}
          >
            Save workspace
          </button>
          <button
            type="button"
            onClick={openWorkspace}
            disabled={opening}
            title={
              bridge === null
                ? `Pick a ${WORKSPACE_EXTENSION} file together with its data files`
                : `Open a ${WORKSPACE_EXTENSION} file and the files it was saved with`
            }
          >
            Open workspace…
          </button>
        </div>
        {datasetSides.map((side) => (
          <input
            key={side}
            ref={pickers.inputs[side]}
            type="file"
            multiple
            hidden
            accept={acceptedFileTypes}
            data-testid={`open-${side}-input`}
            aria-label={`${sideTitles[side]} files`}
            onChange={onFiles(side)}
          />
        ))}
        <input
          ref={workspaceInput}
          type="file"
          multiple
          hidden
          accept={workspaceFileTypes}
          data-testid="open-workspace-input"
          aria-label="Workspace and its data files"
          onChange={onWorkspaceFiles}
        />
      </header>
      {notice !== null && <WorkspaceNoticeBar notice={notice} onDismiss={() => setNotice(null)} />}
    </>
  );
}
