/** The id of the element the shown view renders into; the selected tab controls it. */
export const viewPanelId = 'view-panel';

/** The id of a view's tab, which labels the view panel. */
export function tabId(viewId: string): string {
  return `tab-${viewId}`;
}
