import type { FindingsSummary } from '../../../shared/investigation/finding.ts';

/** The status in capitals, as the banner and the report show it. */
export const statusWords: Record<FindingsSummary['status'], string> = {
  failing: 'FAILING',
  degraded: 'DEGRADED',
  watch: 'WATCH',
  healthy: 'HEALTHY',
};

const questions = [
  ['what', 'What failed'],
  ['who', 'For whom'],
  ['since', 'Since when'],
  ['how_big', 'How big'],
] as const;

/**
 * Is this model still working? The status in colour and the headline, then the four questions
 * an incident review asks, each answered from the top findings.
 */
export function FindingsBanner({ summary }: { summary: FindingsSummary }) {
  return (
    <section
      className={`findings-banner status-${summary.status}`}
      aria-label="Is the model still working"
    >
      <p className="findings-headline">
        <strong className="status-badge" data-testid="findings-status">
          {statusWords[summary.status]}
        </strong>
        <span>{summary.headline}</span>
      </p>
      <dl className="findings-questions">
        {questions.map(([key, title]) => (
          <div key={key}>
            <dt>{title}</dt>
            <dd>{summary[key] ?? '—'}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
