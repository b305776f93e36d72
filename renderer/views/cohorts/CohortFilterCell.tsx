import type { Pin } from '../../../shared/investigation/investigation.ts';
import { PinButton } from '../findings/PinButton.tsx';

/**
 * A cohort row's last cell: a Filter button that makes the cohort (`words`, "region = APAC") the
 * active cohort, and a Pin button that keeps it for the report and the fixtures; empty when the
 * cohort cannot be a filter.
 */
export function CohortFilterCell({
  words,
  canFilter,
  onFilter,
  pin,
}: {
  words: string;
  canFilter: boolean;
  onFilter(): void;
  /** The rows a Pin keeps; null: nothing to pin (a NaN value no filter can select). */
  pin: Pin | null;
}) {
  return (
    <td className="row-actions">
      {canFilter && (
        <button
          type="button"
          className="button-small"
          onClick={onFilter}
          aria-label={`Make ${words} the active cohort`}
        >
          Filter
        </button>
      )}
      {pin !== null && <PinButton pin={pin} />}
    </td>
  );
}
