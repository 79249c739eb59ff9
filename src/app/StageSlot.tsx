/**
 * The place beside the stage for a panel that belongs next to it (the guided
 * lesson): a grid column of its own between the stage and the inspector that
 * takes no room while empty.
 */
export function StageSlot() {
  return <div className="stage-slot empty:hidden min-w-0" />;
}
