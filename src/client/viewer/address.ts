// Deep links and the Back button.
// Design: opening the viewer PUSHES a history entry whose address ends in the figure's id
// (`#fig-…`), so the browser's Back button closes the viewer (popstate) instead of leaving the
// page; previous/next REPLACE that entry, so one Back still closes rather than stepping back
// through figures. Loading a `#fig-…` address opens that figure; that entry is the page's own, so
// closing REPLACES the address with the plain page address instead of going back off the site.
// An entry we pushed is marked in history.state, which also survives a reload.
const MARK = 'figureViewer';

const ownsEntry = (): boolean => (history.state as Record<string, unknown> | null)?.[MARK] === true;

export function idInAddress(): string {
  try {
    return decodeURIComponent(location.hash.slice(1));
  } catch {
    return '';
  }
}

/** The viewer shows figure `id`: a new entry when it opens, the same entry for previous/next. */
export function showInAddress(id: string, opening: boolean): void {
  if (idInAddress() === id) return;
  const url = `#${encodeURIComponent(id)}`;
  if (opening) history.pushState({ [MARK]: true }, '', url);
  else history.replaceState(history.state, '', url);
}

/** The viewer closed by itself (Esc, button, backdrop): take its address away. */
export function leaveAddress(): void {
  if (ownsEntry()) history.back();
  else history.replaceState(history.state, '', location.pathname + location.search);
}
