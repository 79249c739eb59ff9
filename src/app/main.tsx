import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createSimulation } from '../sim';
import { DEFAULT_PRESET, PRESETS } from '../sim/presets';
import { setSimulationFactory, showError } from '../store';
import '@fontsource-variable/inter/wght.css';
import '@fontsource-variable/jetbrains-mono/wght.css';
import '../index.css';
import { App } from './App';
import { boot, makeLoader, type PresetEntry } from './boot';
import { FALLBACK_PRESET } from './defaultPreset';

const presets: readonly PresetEntry[] = PRESETS.length > 0 ? PRESETS : [FALLBACK_PRESET];
const defaultPreset =
  presets.find((p) => p.name === DEFAULT_PRESET) ?? presets[0] ?? FALLBACK_PRESET;

setSimulationFactory(createSimulation);
void boot({ presets, defaultPreset });

const load = makeLoader(presets);
function pickPreset(name: string): void {
  try {
    load(name);
  } catch (error) {
    showError((error as Error).message);
  }
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App presets={presets} onPickPreset={pickPreset} />
    </StrictMode>,
  );
}
