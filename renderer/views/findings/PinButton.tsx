import type { Pin } from '../../../shared/investigation/investigation.ts';
import { useApp, useAppState } from '../../app/AppContext.ts';

/** Pins a slice or cohort for the report and the fixtures; says so once it is pinned. */
export function PinButton({ pin }: { pin: Pin }) {
  const { store } = useApp();
  const pinned = useAppState((s) => s.pins.some((p) => p.name === pin.name));
  return (
    <button
      type="button"
      className="button-small"
      disabled={pinned}
      onClick={() => store.getState().pin(pin)}
      aria-label={pinned ? `${pin.name} is pinned` : `Pin ${pin.name}`}
    >
      {pinned ? 'Pinned' : 'Pin'}
    </button>
  );
}
