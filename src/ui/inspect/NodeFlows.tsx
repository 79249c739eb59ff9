import { useAppStore } from '../../store';
import { FLOW_SAMPLE, useFlowSample } from './useSimTick';

/**
 * Which node receives a flow (the next hop ECMP picks) and which processes it
 * (holds its state), for the sampled live flows that touch this node.
 */
export function NodeFlows({ node }: { node: number }) {
  const flows = useFlowSample();
  const mode = useAppStore((s) => s.scenario?.cluster.connectionState ?? 'local');
  const receives = flows.filter((f) => f.nextHop === node);
  const processes = flows.filter((f) => f.processor === node);
  const steeredAway = receives.filter((f) => f.processor !== null && f.processor !== node);
  const steeredHere = processes.filter((f) => f.nextHop !== null && f.nextHop !== node);
  const lines =
    mode === 'consistent'
      ? [
          `Receives ${receives.length} of ${flows.length} sampled live flows. Consistent hashing: every node maps a flow to the same backend, so no node holds state that a move could lose.`,
        ]
      : [
          `Receives ${receives.length} of ${flows.length} sampled live flows from the router (it is their flow receiver).`,
          `Processes ${processes.length} (holds their state: their flow processor).`,
          mode === 'steering'
            ? `Steers ${steeredAway.length} over the backplane to the node holding them; ${steeredHere.length} arrive here steered from other receivers.`
            : steeredAway.length > 0
              ? `${steeredAway.length} it receives are held elsewhere: the next packet resets them (local state, no steering).`
              : 'Every flow it receives is one it holds.',
        ];
  return (
    <div className="flex flex-col gap-0.5 text-sm" data-testid="node-flows">
      {lines.map((text) => (
        <p key={text}>{text}</p>
      ))}
      <p className="text-xs text-muted">A sample of up to {FLOW_SAMPLE} flows, at this moment.</p>
    </div>
  );
}
