/** Columns both sides have but read differently: what changed, and the message saying so. */
export function MismatchList({
  label,
  items,
}: {
  label: string;
  items: { name: string; change: string; message: string }[];
}) {
  if (items.length === 0) return null;
  return (
    <ul className="warnings" aria-label={label}>
      {items.map((m) => (
        <li key={m.name} className="warning">
          <span className="warning-code">{m.change}</span> {m.message}
        </li>
      ))}
    </ul>
  );
}
