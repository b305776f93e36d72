import type { PsiBand } from '../../../../shared/stats/psi.ts';
import './bands.css';

/** The CSS class that colours a band (bands.css), for heat-strip cells and band badges alike. */
export function bandClassName(band: PsiBand | null): string {
  return `band-${band ?? 'none'}`;
}

/** A band in words; a window without enough values to compute PSI has none. */
export function bandText(band: PsiBand | null): string {
  return band ?? 'no data';
}

/** PSI as the CLI prints it (three decimals, trailing zeros dropped), tiny values as a bound. */
export function formatPsi(psi: number): string {
  if (psi > 0 && psi < 0.0005) return '<0.001';
  return String(Number(psi.toFixed(3)));
}
