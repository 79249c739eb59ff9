import { showError, useAppStore } from '../../store';

export interface PresetOption {
  name: string;
  title: string;
  description: string;
}

interface Props {
  presets: readonly PresetOption[];
  onPick: (name: string) => void;
}

/** Choose a scenario preset (one per consequence the design lists). */
export function PresetPicker({ presets, onPick }: Props) {
  const presetName = useAppStore((s) => s.presetName);
  if (presets.length === 0) return null;
  const current = presets.find((p) => p.name === presetName);
  return (
    <label className="flex items-center gap-2 text-sm" title={current?.description}>
      <span className="text-muted max-[1499px]:sr-only present:sr-only">Scenario</span>
      <select
        value={presetName ?? ''}
        onChange={(event) => {
          try {
            onPick(event.currentTarget.value);
          } catch (error) {
            showError((error as Error).message);
          }
        }}
        className="field max-w-64 rounded-md px-2 py-1.5 min-[1500px]:max-w-80"
      >
        {presetName === null && <option value="">Custom scenario</option>}
        {presets.map((p) => (
          <option key={p.name} value={p.name}>
            {p.title}
          </option>
        ))}
      </select>
    </label>
  );
}
