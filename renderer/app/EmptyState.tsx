import type { DatasetSide } from '../store/datasets-slice.ts';
import { useApp } from './AppContext.ts';
import { datasetSides } from './dataset-sides.ts';
import { ariaShortcut, shortcutHint } from './shortcuts.ts';

const sideUses: Record<DatasetSide, string> = {
  reference: 'training data, or a period when the model was known to work',
  current: 'the production predictions to compare against it',
  log: 'one log on its own, e.g. a canary with a model-version column',
};

/** The first screen: what Faultline does, how to open data, and the bundled sample. */
export function EmptyState({ onOpen }: { onOpen: (side: DatasetSide) => void }) {
  const { session, mac } = useApp();
  return (
    <section className="empty-state" aria-labelledby="empty-state-title">
      <h2 id="empty-state-title">Find out why a model stopped generalizing</h2>
      <p className="empty-state-lede">
        Open training data and production prediction logs (CSV, TSV, Parquet, JSON, Arrow) to see
        whether the model still works, for whom, since when, and why.
        <br />
        Everything is computed on this machine; no data leaves it.
      </p>
      <div className="empty-state-actions">
        {datasetSides.map((side) => (
          <button
            key={side}
            type="button"
            className="open-card"
            onClick={() => onOpen(side)}
            aria-keyshortcuts={ariaShortcut({ kind: 'open', side }, mac)}
          >
            <strong>{`Open ${side}…`}</strong>
            <span>{sideUses[side]}</span>
            <kbd className="shortcut-hint" aria-hidden="true">
              {shortcutHint({ kind: 'open', side }, mac)}
            </kbd>
          </button>
        ))}
      </div>
      <p className="empty-state-drop">Or drop files anywhere in this window.</p>
      <button type="button" className="button-primary" onClick={() => void session.openSample()}>
        Open the bundled sample
      </button>
    </section>
  );
}
