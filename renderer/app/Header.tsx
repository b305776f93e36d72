import type { ChangeEvent } from 'react';
import type { PickedFile } from '../engine/session-types.ts';
import type { DatasetSide } from '../store/datasets-slice.ts';
import { useApp } from './AppContext.ts';
import { datasetSides, sideTitles } from './dataset-sides.ts';
import { ariaShortcut, shortcutHint } from './shortcuts.ts';
import type { FilePickers } from './use-file-pickers.ts';

/** What the loader reads (shared/engine/detect-format.ts), for the browser's file picker. */
export const acceptedFileTypes = '.csv,.tsv,.json,.jsonl,.ndjson,.parquet,.arrow,.feather,.ipc,.gz';

/** The app bar: the name and one Open button per side, each backed by a hidden file input. */
export function Header({ pickers }: { pickers: FilePickers }) {
  const { session, mac } = useApp();
  const onFiles = (side: DatasetSide) => (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const files: PickedFile[] = [...(input.files ?? [])].map((file) => ({ kind: 'file', file }));
    // Cleared so choosing the same file again (after fixing it on disk) fires change again.
    input.value = '';
    if (files.length > 0) void session.open(side, files);
  };
  return (
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
    </header>
  );
}
