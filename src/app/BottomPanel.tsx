/** Slot for the timeline, event log and charts (another engineer fills it). */
export function BottomPanel(): null {
  return null;
}
