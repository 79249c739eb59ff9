import { lazy, Suspense, useEffect, useState } from 'react';
import { useAppStore } from '../store';
import { SideBySideButton, useComparing } from '../ui/compare/SideBySideButton';
import { ErrorBanner } from '../ui/controls/ErrorBanner';
import { LessonButton } from '../ui/lesson/LessonButton';
import { PresenterRouter } from '../ui/lesson/PresenterRouter';
import { FailureKindPicker } from '../ui/controls/FailureKindPicker';
import { Notice } from '../ui/controls/Notice';
import { type PresetOption, PresetPicker } from '../ui/controls/PresetPicker';
import { StrategySelect } from '../ui/controls/StrategySelect';
import { ThemeToggle } from '../ui/controls/ThemeToggle';
import { TimeControls } from '../ui/controls/TimeControls';
import { Announcer } from '../ui/stage/Announcer';
import { StageTools } from '../ui/stage/StageTools';
import { Legend } from '../ui/topology/Legend';
import { Topology } from '../ui/topology/Topology';
import { CaptionOverlay } from './CaptionOverlay';
import { FiguresBar } from './FiguresBar';
import { PresenterControls } from './PresenterControls';
import { usePresent } from './presenter';
import { ScenarioCaption } from './ScenarioCaption';
import { StageSlot } from './StageSlot';
import { ThemeChoiceEffect } from './theme';

// The inspectors, timeline, charts and event log load just after the stage: the first
// download stays small and the topology shows sooner.
const BottomPanel = lazy(() => import('./BottomPanel').then((m) => ({ default: m.BottomPanel })));
const TimelinePanel = lazy(() =>
  import('./BottomPanel').then((m) => ({ default: m.TimelinePanel })),
);
const SidePanel = lazy(() => import('./SidePanel').then((m) => ({ default: m.SidePanel })));
const SideBySide = lazy(() =>
  import('../ui/compare/SideBySide').then((m) => ({ default: m.SideBySide })),
);
const StageTable = lazy(() =>
  import('../ui/stage/StageTable').then((m) => ({ default: m.StageTable })),
);

interface Props {
  presets: readonly PresetOption[];
  onPickPreset: (name: string) => void;
}

export function App({ presets, onPickPreset }: Props) {
  const loaded = useAppStore((s) => s.scenario !== null);
  const [tableView, setTableView] = useState(false);
  const present = usePresent();
  // The side-by-side view folds the one-run stage, inspector and charts away.
  const comparing = useComparing();
  useEffect(() => {
    document.title = 'ECMP failover visualizer';
  }, []);
  return (
    <div
      className="app flex min-h-screen flex-col gap-3 px-3 pt-3 pb-6 sm:px-5"
      data-present={present ? '' : undefined}
    >
      <ThemeChoiceEffect />
      <header className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2">
        <div className="flex min-w-0 items-baseline gap-x-4">
          <h1 className="text-xl font-semibold tracking-tight whitespace-nowrap">
            ECMP failover visualizer
          </h1>
          <p className="hidden text-sm text-muted min-[2300px]:block">
            How a load-balancer cluster behind an ECMP router survives a node failure by lowering
            its routing metric (US patent 8,972,602).
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <LessonButton />
          <PresetPicker presets={presets} onPick={onPickPreset} />
          <StrategySelect />
          <SideBySideButton />
          <ThemeToggle />
          <PresenterControls />
        </div>
      </header>
      <main className="flex min-w-0 flex-col gap-3">
        <ErrorBanner />
        <div
          role="toolbar"
          aria-label="Simulation controls"
          className="toolbar flex flex-wrap items-center justify-between gap-x-4 gap-y-2 rounded-xl px-3 py-2"
        >
          <TimeControls />
          {!comparing && <FiguresBar />}
        </div>
        <Notice />
        {comparing && (
          <Suspense fallback={null}>
            <SideBySide />
          </Suspense>
        )}
        <div className="workspace" hidden={comparing}>
          <div className="flex min-w-0 flex-col gap-3">
            <div className="stage flex min-w-0 flex-col rounded-xl">
              <div className="px-4 pt-3">
                <ScenarioCaption />
              </div>
              <div className="px-4 pt-2">{!comparing && <FailureKindPicker />}</div>
              <Announcer />
              <section aria-label="Network topology" className="stage-canvas relative p-1">
                {loaded && !comparing && <Topology />}
                <StageTools tableView={tableView} onTableView={setTableView} />
              </section>
              {tableView && (
                <Suspense fallback={null}>
                  <StageTable />
                </Suspense>
              )}
              {present && <PresenterRouter />}
              <div className="border-t border-line px-4 py-2">
                <Legend />
              </div>
            </div>
            <section aria-label="Timeline" className="empty:hidden">
              <Suspense fallback={null}>
                <TimelinePanel />
              </Suspense>
            </section>
          </div>
          <StageSlot />
          <aside aria-label="Inspector" className="side-panel empty:hidden min-w-0">
            <Suspense fallback={null}>
              <SidePanel />
            </Suspense>
          </aside>
        </div>
        <section
          aria-label="Charts and event log"
          className="bottom-panel empty:hidden"
          hidden={comparing}
        >
          <Suspense fallback={null}>
            <BottomPanel />
          </Suspense>
        </section>
        <CaptionOverlay />
      </main>
    </div>
  );
}
