import type { NodeView } from '../../sim';
import { drainNode, failNode, recoverNode, useAppStore, useNodeView } from '../../store';
import { Button } from '../controls/Button';
import { ActiveSet } from './ActiveSet';
import { HealthChecks } from './HealthChecks';
import { NodeFlows } from './NodeFlows';
import { StatusIcon, type Glyph } from './icons';
import { Section } from './Section';
import { HealthBar, RestoreTimer } from './meters';

const STATE_GLYPH: Record<NodeView['state'], Glyph> = {
  active: 'check',
  failed: 'cross',
  unhealthy: 'warn',
  recovering: 'clock',
};

const FAILURE_TEXT: Record<string, string> = {
  crash: 'crashed (silent to the router)',
  link: 'link to the router cut behind a switch (silent)',
  carrier: 'direct link lost carrier (the router sees it at once)',
  unhealthy: 'health below the threshold',
  drain: 'stopped for maintenance after draining',
};

const STATE_TEXT: Record<NodeView['state'], string> = {
  active: 'Up: advertises the VIP and serves flows.',
  failed: 'Down.',
  unhealthy: 'Health below the threshold.',
  recovering: 'Back up; its routing session is coming up.',
};

const KIND_LABEL: Record<string, string> = {
  crash: 'crash',
  link: 'link cut',
  carrier: 'carrier loss',
  unhealthy: 'unhealthy',
};

/** The node's state, one word and its icon (beside the node card's title). */
export function NodeState({ node }: { node: number }) {
  const view = useNodeView(node);
  if (!view) return null;
  return (
    <p className="mr-auto flex items-center gap-1.5 text-base font-medium">
      <StatusIcon glyph={STATE_GLYPH[view.state]} size={18} />
      {view.state}
    </p>
  );
}

/** One cluster node: its state, what it advertises, its restore wait and its view of the cluster. */
export function NodeInspector({ node }: { node: number }) {
  const view = useNodeView(node);
  const base = useAppStore((s) => s.scenario?.metric.base ?? 0);
  const failureKind = useAppStore((s) => s.failureKind);
  if (!view) return <p className="text-sm text-muted">Node {node} is not in this scenario.</p>;
  const up = view.state === 'active' || view.state === 'recovering';
  const lowered = view.metric !== null ? base - view.metric : 0;
  return (
    <div className="grid grid-cols-2 gap-x-4 gap-y-3">
      <div className="col-span-2 flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-muted">
          {view.failure && view.state !== 'active'
            ? FAILURE_TEXT[view.failure]
            : view.draining
              ? 'Draining: it advertises its worst metric until the router sends it nothing, then stops.'
              : STATE_TEXT[view.state]}
        </p>
        <div className="flex gap-2">
          <Button disabled={!up} onClick={() => failNode(node)}>
            Fail ({KIND_LABEL[failureKind]})
          </Button>
          <Button disabled={up && !view.draining} onClick={() => recoverNode(node)}>
            Recover
          </Button>
          <Button
            disabled={view.state !== 'active' || view.draining}
            onClick={() => drainNode(node)}
          >
            Drain
          </Button>
        </div>
      </div>
      <Section title="Advertised metric">
        <p className="flex flex-wrap items-baseline gap-x-2">
          <span className="font-mono text-xl font-semibold tabular-nums" data-testid="metric">
            {view.metric ?? '—'}
          </span>
          <span className="text-sm text-muted">
            {view.metric === null
              ? 'not advertising'
              : lowered > 0
                ? `base ${base}, lowered by ${lowered}`
                : lowered < 0
                  ? `base ${base}, raised by ${-lowered}`
                  : `base ${base}`}
          </span>
        </p>
      </Section>
      <Section title="Health">
        <HealthBar health={view.health} />
        <HealthChecks view={view} />
      </Section>
      <Section title="Restore timer">
        <RestoreTimer restoreAtMs={view.restoreAtMs} base={base} />
      </Section>
      <Section title="Active set" aside="as it sees it">
        <ActiveSet view={view} />
      </Section>
      <Section title="Flows" aside="receiver and processor">
        <NodeFlows node={node} />
      </Section>
    </div>
  );
}
