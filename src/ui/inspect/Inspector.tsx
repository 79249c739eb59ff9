/**
 * The inspector: the router's routing and forwarding tables, always on screen,
 * and beside them (below, in the side panel) the selected node's details.
 * Clicking a node on the stage fails or recovers it and opens its details; the
 * router's tables never leave, since that is what a class watches after a click.
 */
import { useId } from 'react';
import { select, useAppStore, useNodeIds } from '../../store';
import { NodeInspector, NodeState } from './NodeInspector';
import { RouterHashing, RouterTables } from './RouterInspector';

export function Inspector() {
  const node = useAppStore((s) => (s.selected?.kind === 'node' ? s.selected.node : null));
  return (
    <div className="flex flex-col gap-3">
      <RouterCard node={node} />
      {node !== null && <NodeCard node={node} />}
      <section aria-label="Hashing" className="card flex flex-col gap-3 rounded-xl p-4">
        <RouterHashing />
      </section>
    </div>
  );
}

function RouterCard({ node }: { node: number | null }) {
  const ids = useNodeIds();
  const pickerId = useId();
  return (
    <section aria-labelledby="router-title" className="card flex flex-col gap-3 rounded-xl p-4">
      <header className="flex items-center justify-between gap-3">
        <h2 id="router-title" className="text-lg font-semibold tracking-tight">
          Router
        </h2>
        <div className="flex items-center gap-2 text-sm">
          <label htmlFor={pickerId} className="text-muted">
            Inspect
          </label>
          <select
            id={pickerId}
            className="field rounded-md px-2 py-1"
            value={node === null ? 'router' : String(node)}
            onChange={(event) => {
              const value = event.currentTarget.value;
              select(
                value === 'router' ? { kind: 'router' } : { kind: 'node', node: Number(value) },
              );
            }}
          >
            <option value="router">Router only</option>
            {ids.map((id) => (
              <option key={id} value={id}>
                Node {id}
              </option>
            ))}
          </select>
        </div>
      </header>
      <RouterTables />
    </section>
  );
}

function NodeCard({ node }: { node: number }) {
  const titleId = useId();
  return (
    <section
      aria-labelledby={titleId}
      className="card node-card flex flex-col gap-3 rounded-xl p-4"
    >
      <header className="flex items-center justify-between gap-3">
        <h2 id={titleId} className="text-lg font-semibold tracking-tight">
          Node {node}
        </h2>
        <NodeState node={node} />
        <button
          type="button"
          aria-label={`Close Node ${node}`}
          title="Close (the router's tables stay)"
          onClick={() => select({ kind: 'router' })}
          className="btn btn-secondary inline-flex h-8 w-8 items-center justify-center rounded-md"
        >
          <span aria-hidden="true">✕</span>
        </button>
      </header>
      <NodeInspector node={node} />
    </section>
  );
}
