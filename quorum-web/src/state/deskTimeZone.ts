import { createContext, useCallback, useContext } from 'react';
import { DEFAULT_TIME_ZONE, formatDeskTime } from '../format';

/** The exchange's time zone of the open session: every time on the page is shown in it. */
export const DeskTimeZone = createContext<string>(DEFAULT_TIME_ZONE);

/** Formats a desk time in the open session's exchange zone, with its date and zone name. */
export function useDeskTimeFormat(): (iso: string | null | undefined) => string {
  const timeZone = useContext(DeskTimeZone);
  return useCallback((iso) => formatDeskTime(iso, timeZone), [timeZone]);
}
