import { CompareStrategies } from '../ui/compare/CompareStrategies';
import { Inspector } from '../ui/inspect/Inspector';
import { SettingsPanel } from '../ui/settings/SettingsPanel';

/** The inspector (router or node), the strategy comparison, and the scenario settings. */
export function SidePanel() {
  return (
    <div className="flex flex-col gap-4">
      <Inspector />
      <CompareStrategies />
      <SettingsPanel />
    </div>
  );
}
