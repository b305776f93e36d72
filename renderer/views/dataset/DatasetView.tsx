import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { pairDatasets } from '../../../shared/schema/pair.ts';
import { useApp, useAppState } from '../../app/AppContext.ts';
import { datasetSides } from '../../app/dataset-sides.ts';
import { ColumnTable } from './ColumnTable.tsx';
import { DatasetCard } from './DatasetCard.tsx';
import { PairingPanel } from './PairingPanel.tsx';

/** The Dataset view: a card per open dataset, the reference ↔ current pairing, the columns. */
export function DatasetView() {
  const { session } = useApp();
  const filtered = useAppState((s) => s.cohort.length > 0);
  const datasets = useAppState(
    useShallow((s) =>
      Object.values(s.datasets).sort(
        (a, b) => datasetSides.indexOf(a.side) - datasetSides.indexOf(b.side),
      ),
    ),
  );
  const reference = datasets.find((d) => d.side === 'reference')?.schema;
  const current = datasets.find((d) => d.side === 'current')?.schema;
  const pairing = useMemo(
    () => (reference && current ? pairDatasets(reference, current) : null),
    [reference, current],
  );

  return (
    <div className="dataset-view">
      {filtered && (
        <p className="muted">
          This view describes the whole files; the active cohort applies to the analyses.
        </p>
      )}
      <div className="dataset-cards">
        {datasets.map((d) => (
          <DatasetCard key={d.id} dataset={d} onClose={() => void session.close(d.id)} />
        ))}
      </div>
      {pairing !== null && <PairingPanel pairing={pairing} />}
      {datasets.map((d) => (
        <section key={d.id} className="columns-section" aria-labelledby={`columns-${d.side}-title`}>
          <h2 id={`columns-${d.side}-title`}>
            Columns <span className="muted">{`${d.name} · ${d.side}`}</span>
          </h2>
          <ColumnTable
            dataset={d}
            onRoleChange={(column, role) => void session.setRole(d.id, column, role)}
          />
        </section>
      ))}
    </div>
  );
}
