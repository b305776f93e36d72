import type { PsiBand } from '../../../shared/stats/psi.ts';

/** A PSI band as a coloured word; "no PSI" when the column has none (no valid values). */
export function BandBadge({ band }: { band: PsiBand | null }) {
  return <span className={`band-badge band-${band ?? 'none'}`}>{band ?? 'no PSI'}</span>;
}
