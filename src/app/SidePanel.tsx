/** Slot for the router and node inspectors (another engineer fills it). */
export function SidePanel(): null {
  return null;
}
