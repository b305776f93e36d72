import { useApp, useAppState } from '../../app/AppContext.ts';

/** The analyst's notes: kept with the workspace and printed in the report as written. */
export function NotesEditor() {
  const { store } = useApp();
  const notes = useAppState((s) => s.notes);
  return (
    <section className="findings-notes">
      <h2>
        <label htmlFor="findings-notes">Notes</label>
      </h2>
      <textarea
        id="findings-notes"
        value={notes}
        rows={5}
        placeholder="What you checked, what you ruled out, who was told. The report prints these as written."
        onChange={(e) => store.getState().setNotes(e.target.value)}
      />
    </section>
  );
}
