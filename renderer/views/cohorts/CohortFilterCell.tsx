/**
 * A cohort row's last cell: a Filter button that makes the cohort (`words`, "region = APAC") the
 * active cohort; empty when the cohort cannot be a filter.
 */
export function CohortFilterCell({
  words,
  canFilter,
  onFilter,
}: {
  words: string;
  canFilter: boolean;
  onFilter(): void;
}) {
  return (
    <td>
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
    </td>
  );
}
