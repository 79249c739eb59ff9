import type { FailureKind } from '../../sim';
import { setFailureKind, useAppStore } from '../../store';

export const KINDS: { value: FailureKind; label: string; explain: string }[] = [
  {
    value: 'crash',
    label: 'Crash',
    explain: 'Silent: the router keeps the route until its expiry timer runs out.',
  },
  {
    value: 'link',
    label: 'Silent link cut',
    explain: 'Cut behind a switch: silent to the router; the node itself is alive.',
  },
  {
    value: 'carrier',
    label: 'Carrier loss',
    explain: 'A direct link goes down: the router sees it and drops the route at once.',
  },
  {
    value: 'unhealthy',
    label: 'Unhealthy',
    explain: 'Health below threshold: still speaks routing, but should get no traffic.',
  },
];

/** What a click on an active node does. */
export function FailureKindPicker() {
  const kind = useAppStore((s) => s.failureKind);
  const explain = KINDS.find((k) => k.value === kind)?.explain ?? '';
  return (
    <fieldset
      className="flex flex-wrap items-center gap-x-3 gap-y-0.5 text-sm"
      aria-describedby="failure-kind-explain"
    >
      <legend className="float-left mr-1 font-medium">Failure kind</legend>
      {KINDS.map((k) => (
        <label key={k.value} className="radio inline-flex items-center gap-1.5">
          <input
            type="radio"
            name="failure-kind"
            value={k.value}
            checked={kind === k.value}
            onChange={() => setFailureKind(k.value)}
          />
          {k.label}
        </label>
      ))}
      <p id="failure-kind-explain" className="sr-only">
        {explain}
      </p>
    </fieldset>
  );
}
