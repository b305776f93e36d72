import type { DatasetPairing } from '../../../shared/schema/pair.ts';
import { formatCount } from '../../format/numbers.ts';
import { MismatchList } from './MismatchList.tsx';
import { NameList } from './NameList.tsx';

/** Reference ↔ current: how many columns can be compared, which cannot, and why. */
export function PairingPanel({ pairing }: { pairing: DatasetPairing }) {
  const mismatches = pairing.typeMismatches;
  const roleMismatches = pairing.roleMismatches;
  return (
    <section className="pairing" data-testid="pairing" aria-labelledby="pairing-title">
      <h2 id="pairing-title">Reference ↔ current</h2>
      <p className="pairing-summary">
        <strong>{formatCount(pairing.matched.length)}</strong>
        {pairing.matched.length === 1 ? ' column matches' : ' columns match'} by name and type
        {mismatches.length > 0 &&
          `; ${formatCount(mismatches.length)} ${mismatches.length === 1 ? 'differs' : 'differ'} in type`}
      </p>
      <div className="pairing-lists">
        <NameList title="Only in reference" names={pairing.referenceOnly} />
        <NameList title="Only in current" names={pairing.currentOnly} />
      </div>
      <MismatchList
        label="Type mismatches"
        items={mismatches.map((m) => ({
          name: m.name,
          change: `${m.referenceType} → ${m.currentType}`,
          message: m.message,
        }))}
      />
      <MismatchList
        label="Role mismatches"
        items={roleMismatches.map((m) => ({
          name: m.name,
          change: `${m.referenceRole} → ${m.currentRole}`,
          message: m.message,
        }))}
      />
    </section>
  );
}
