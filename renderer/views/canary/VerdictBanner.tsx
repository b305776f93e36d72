import type { CanaryResult } from '../../../shared/analyses/canary/canary-result.ts';
import { psiBand } from '../../../shared/stats/psi.ts';
import {
  designWords,
  populationWords,
  psiText,
  rowsWords,
  samePopulationWords,
  scoreWords,
  sidesText,
  verdictRules,
} from './canary-words.ts';

/** The failing reasons listed before the rest fold away. */
const shownReasons = 5;

/**
 * The verdict in colour with its score, what it means, and the failing checks' reasons in words
 * (critical first; an INVALID comparison names the inputs that differ); beside it, what was
 * compared, the rows, the design, the population check and the unscored measures.
 */
export function VerdictBanner({ result, compared }: { result: CanaryResult; compared: string }) {
  const { verdict, failing, guardrails, beside } = result;
  const population = populationWords(result.population, guardrails.population_psi_max);
  // The core lists the failed critical checks' reasons first.
  const criticalFailed = result.checks.filter((c) => c.passed === false && c.critical).length;
  const reason = (text: string, i: number) => (
    <li key={i}>
      {text}
      {i < criticalFailed && <span className="critical-mark">critical</span>}
    </li>
  );
  const shown = failing.slice(0, shownReasons);
  const folded = failing.slice(shownReasons);
  return (
    <section
      className={`canary-verdict verdict-${verdict.toLowerCase()}`}
      aria-label="Canary verdict"
    >
      <div className="verdict-main">
        <p className="verdict-line">
          <strong className="verdict-badge" data-testid="canary-verdict">
            {verdict}
          </strong>
          <span className="verdict-score">{scoreWords(result)}</span>
        </p>
        <p className="muted">{verdictRules[verdict]}</p>
        {population !== null && <p className="verdict-population">{population}</p>}
        {failing.length > 0 && (
          <>
            <p className="verdict-failing-title">
              {failing.length === 1 ? 'Failed check' : `Failed checks (${failing.length})`}:
            </p>
            <ol className="verdict-failing">{shown.map((text, i) => reason(text, i))}</ol>
            {folded.length > 0 && (
              <details className="verdict-more">
                <summary>{`${folded.length} more`}</summary>
                <ol className="verdict-failing" start={shownReasons + 1}>
                  {folded.map((text, i) => reason(text, i + shownReasons))}
                </ol>
              </details>
            )}
          </>
        )}
      </div>
      <dl className="verdict-beside">
        <dt>Compared</dt>
        <dd>{compared}</dd>
        <dt>Rows</dt>
        <dd>{rowsWords(result)}</dd>
        <dt>Design</dt>
        <dd>{designWords(result)}</dd>
        {population === null && (
          <>
            <dt>Population</dt>
            <dd>{samePopulationWords(result.population, guardrails.population_psi_max)}</dd>
          </>
        )}
        <dt title="Expected calibration error, 10 equal-width bins: shown, not scored">
          ECE (baseline → canary)
        </dt>
        <dd>{sidesText(beside.ece)}</dd>
        <dt>Log loss (baseline → canary)</dt>
        <dd>{sidesText(beside.log_loss)}</dd>
        <dt title="PSI of the canary's score distribution in the baseline's bins: shown, not scored">
          Score PSI
        </dt>
        <dd>
          {beside.score_psi === null
            ? '–'
            : `${psiText(beside.score_psi)} (${psiBand(beside.score_psi)})`}
        </dd>
      </dl>
    </section>
  );
}
