/**
 * The side panel's inspector: the router (by default) or one node. Clicking
 * a node on the stage also fails or recovers it, so the picker here is the
 * way to look at a node without touching it.
 */
import { useId } from 'react';
import { select, useAppStore, useNodeIds } from '../../store';
import { NodeInspector } from './NodeInspector';
import { RouterInspector } from './RouterInspector';

export function Inspector() {
  const node = useAppStore((s) => (s.selected?.kind === 'node' ? s.selected.node : null));
  const ids = useNodeIds();
  const title = node === null ? 'Router' : `Node ${node}`;
  const pickerId = useId();
  return (
    <section
      aria-labelledby="inspector-title"
      className="flex flex-col gap-3 rounded-lg border border-line bg-surface p-4"
    >
      <header className="flex items-center justify-between gap-3">
        <h2 id="inspector-title" className="text-lg font-semibold tracking-tight">
          {title}
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
            <option value="router">Router</option>
            {ids.map((id) => (
              <option key={id} value={id}>
                Node {id}
              </option>
            ))}
          </select>
        </div>
      </header>
      {node === null ? <RouterInspector /> : <NodeInspector node={node} />}
    </section>
  );
}
