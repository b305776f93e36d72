import type { DriftResult } from '../../../shared/analyses/drift/drift-result.ts';
import { HeatStrip } from './charts/HeatStrip.tsx';
import { PsiTimelineChart } from './charts/PsiTimelineChart.tsx';

/** Since when: each column's band per window as a strip, and the selected column's PSI line. */
export function DriftTimeline({
  result,
  columns,
  selected,
  onSelect,
}: {
  result: DriftResult;
  columns: string[];
  selected: string | null;
  onSelect(name: string): void;
}) {
  const windows = result.timeline ?? [];
  const since = result.columns.find((c) => c.name === selected)?.since ?? null;
  return (
    <section className="drift-timeline" aria-labelledby="drift-timeline-title">
      <h2 id="drift-timeline-title">
        Since when{' '}
        <span className="muted">
          {result.window
            ? `PSI of each ${result.window.unit} of current data against the whole reference`
            : ''}
        </span>
      </h2>
      <HeatStrip
        windows={windows}
        columns={columns}
        {...(selected === null ? {} : { selected })}
        onSelect={onSelect}
      />
      {selected !== null && (
        <figure>
          <figcaption>
            PSI of {selected} per window{since === null ? '' : `; significant since ${since}`}
          </figcaption>
          <PsiTimelineChart windows={windows} column={selected} since={since} />
        </figure>
      )}
    </section>
  );
}
