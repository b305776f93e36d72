import type { Finding } from '../../../shared/investigation/finding.ts';
import type { Pin } from '../../../shared/investigation/investigation.ts';
import { describePredicates } from '../../format/predicates.ts';

/** The tab title of each view a finding can point to. */
const viewTitles: Record<Finding['evidence']['view'], string> = {
  drift: 'Drift',
  cohorts: 'Cohorts',
  timeline: 'Timeline',
  calibration: 'Calibration',
  errors: 'Errors',
  slices: 'Slices',
  canary: 'Canary',
};

/** A finding about some rows as a pin: slices stay slices, the rest are cohorts. */
export function pinOf(finding: Finding): Pin | null {
  if (finding.who === null || finding.who.length === 0) return null;
  return {
    kind: finding.kind === 'slice' ? 'slice' : 'cohort',
    name: describePredicates(finding.who),
    predicates: finding.who,
  };
}

interface Props {
  finding: Finding;
  pinned: boolean;
  onEvidence(finding: Finding): void;
  onPin(pin: Pin): void;
}

/** One finding: its severity, the sentence, the evidence in numbers, and where the proof is. */
export function FindingItem({ finding, pinned, onEvidence, onPin }: Props) {
  const pin = pinOf(finding);
  return (
    <li className={`finding severity-${finding.severity}`} data-testid="finding">
      <span className="severity-chip">{finding.severity}</span>
      <div className="finding-text">
        <p className="finding-title">{finding.title}</p>
        <p className="muted">{finding.detail}</p>
      </div>
      <div className="finding-actions">
        <button type="button" className="button-small" onClick={() => onEvidence(finding)}>
          {`Evidence in ${viewTitles[finding.evidence.view]} →`}
        </button>
        {pin !== null && (
          <button
            type="button"
            className="button-small"
            disabled={pinned}
            onClick={() => onPin(pin)}
            aria-label={`Pin ${pin.name}`}
          >
            {pinned ? 'Pinned' : 'Pin'}
          </button>
        )}
      </div>
    </li>
  );
}
