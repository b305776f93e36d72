import type { DriftResult } from '../../../shared/analyses/drift/drift-result.ts';
import { driftSummaryLines } from './drift-summary.ts';

/** The drift result in words, above the table. */
export function DriftSummary({ result }: { result: DriftResult }) {
  return (
    <section className="drift-summary" aria-label="Drift summary">
      {driftSummaryLines(result).map((line) => (
        <p key={line}>{line}</p>
      ))}
    </section>
  );
}
