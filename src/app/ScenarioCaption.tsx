import { useAppStore } from '../store';

/** What the loaded scenario shows, in one or two lines above the stage. */
export function ScenarioCaption() {
  const description = useAppStore((s) => s.scenario?.description);
  const nodes = useAppStore((s) => s.scenario?.nodes ?? 0);
  const protocol = useAppStore((s) => s.scenario?.protocol);
  if (!protocol) return null;
  const timers = `update ${protocol.updateMs / 1000} s, expiry ${protocol.expiryMs / 1000} s`;
  return (
    <p className="text-sm text-muted max-sm:line-clamp-3">
      {description ?? `${nodes} nodes.`}{' '}
      <span className="whitespace-nowrap">
        ({protocol.preset.toUpperCase()} timers: {timers})
      </span>
    </p>
  );
}
