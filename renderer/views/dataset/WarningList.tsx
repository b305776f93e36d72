/** Warnings as a visibly marked list, each with its stable code (the one the CLI reports). */
export function WarningList({
  warnings,
  label,
}: {
  warnings: readonly { code: string; message: string }[];
  label: string;
}) {
  if (warnings.length === 0) return null;
  return (
    <ul className="warnings" aria-label={label}>
      {warnings.map((w, i) => (
        <li key={i} className="warning" data-code={w.code}>
          <span className="warning-code">{w.code}</span> {w.message}
        </li>
      ))}
    </ul>
  );
}
