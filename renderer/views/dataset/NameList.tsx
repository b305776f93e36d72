import { formatCount } from '../../format/numbers.ts';

/** A titled, counted list of column names, or "none". */
export function NameList({ title, names }: { title: string; names: readonly string[] }) {
  return (
    <div className="name-list">
      <h3>
        {title} <span className="count">{formatCount(names.length)}</span>
      </h3>
      {names.length === 0 ? (
        <p className="muted">none</p>
      ) : (
        <ul>
          {names.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
