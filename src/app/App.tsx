import { lazy, Suspense, useEffect } from 'react';
import { useAppStore } from '../store';
import { ErrorBanner } from '../ui/controls/ErrorBanner';
import { FailureKindPicker } from '../ui/controls/FailureKindPicker';
import { type PresetOption, PresetPicker } from '../ui/controls/PresetPicker';
import { StrategySelect } from '../ui/controls/StrategySelect';
import { ThemeChoiceEffect } from './theme';
import { ThemeToggle } from '../ui/controls/ThemeToggle';
import { TimeControls } from '../ui/controls/TimeControls';
import { Legend } from '../ui/topology/Legend';
import { Topology } from '../ui/topology/Topology';
import { CaptionOverlay } from './CaptionOverlay';
import { FiguresBar } from './FiguresBar';
import { ScenarioCaption } from './ScenarioCaption';

// The inspectors, timeline, charts and event log load just after the stage: the first
// download stays small and the topology shows sooner.
const BottomPanel = lazy(() => import('./BottomPanel').then((m) => ({ default: m.BottomPanel })));
const SidePanel = lazy(() => import('./SidePanel').then((m) => ({ default: m.SidePanel })));

interface Props {
  presets: readonly PresetOption[];
  onPickPreset: (name: string) => void;
}

export function App({ presets, onPickPreset }: Props) {
  const loaded = useAppStore((s) => s.scenario !== null);
  useEffect(() => {
    document.title = 'ECMP failover visualizer';
  }, []);
  return (
    <div className="app flex min-h-screen flex-col">
      <ThemeChoiceEffect />
      <header className="flex flex-wrap items-end justify-between gap-3 px-5 pt-4 pb-2">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">ECMP failover visualizer</h1>
          <p className="text-sm text-muted">
            How a load-balancer cluster behind an ECMP router survives a node failure by lowering
            its routing metric (US patent 8,972,602).
          </p>
        </div>
        <div className="flex items-center gap-2">
          <PresetPicker presets={presets} onPick={onPickPreset} />
          <StrategySelect />
          <ThemeToggle />
        </div>
      </header>
      <main className="flex min-h-0 flex-1 flex-col">
        <div className="px-5">
          <ErrorBanner />
        </div>
        <div
          role="toolbar"
          aria-label="Simulation controls"
          className="toolbar mx-5 mt-2 flex flex-wrap items-center justify-between gap-x-6 gap-y-2 rounded-lg px-3 py-2"
        >
          <TimeControls />
          <FiguresBar />
        </div>
        <div className="flex min-h-0 flex-1 gap-4 px-5 py-3">
          <div className="stage flex min-w-0 flex-1 flex-col rounded-lg">
            <ScenarioCaption />
            <section
              aria-label="Network topology"
              className="h-[min(68vh,780px)] min-h-[360px] p-2"
            >
              {loaded && <Topology />}
            </section>
            <div className="border-t border-line px-4 py-3">
              <FailureKindPicker />
            </div>
            <div className="border-t border-line px-4 py-2">
              <Legend />
            </div>
          </div>
          <aside aria-label="Inspector" className="side-panel empty:hidden w-96 shrink-0">
            <Suspense fallback={null}>
              <SidePanel />
            </Suspense>
          </aside>
        </div>
        <section aria-label="Timeline and charts" className="bottom-panel empty:hidden px-5 pb-4">
          <Suspense fallback={null}>
            <BottomPanel />
          </Suspense>
        </section>
        <CaptionOverlay />
      </main>
    </div>
  );
}
