import { Inspector } from '../ui/inspect/Inspector';
import { SettingsPanel } from '../ui/settings/SettingsPanel';

/** The inspector (router or node) and, below it, the scenario settings. */
export function SidePanel() {
  return (
    <div className="flex flex-col gap-4">
      <Inspector />
      <SettingsPanel />
    </div>
  );
}
