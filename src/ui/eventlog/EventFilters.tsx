import { CATEGORIES, type Category } from './categories';
import { GlyphIcon } from './EventGlyph';

interface Props {
  active: ReadonlySet<Category>;
  onToggle: (category: Category) => void;
  node: string;
  onNode: (value: string) => void;
}

/** Category chips (toggle buttons) and a node-number filter. */
export function EventFilters({ active, onToggle, node, onNode }: Props) {
  return (
    <div className="flex flex-wrap items-center gap-1.5">
      {/* biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not a form fieldset */}
      <div role="group" aria-label="Show categories" className="flex flex-wrap gap-1.5">
        {CATEGORIES.map((c) => {
          const on = active.has(c.id);
          return (
            <button
              key={c.id}
              type="button"
              aria-pressed={on}
              onClick={() => onToggle(c.id)}
              className={`btn flex items-center gap-1 rounded-full px-2.5 py-0.5 text-xs font-medium ${
                on ? 'border-line text-(--text)' : 'text-muted line-through'
              }`}
              style={{
                background: on
                  ? 'color-mix(in srgb, var(--accent) 14%, var(--surface))'
                  : 'transparent',
                borderColor: on ? 'var(--accent)' : 'var(--line)',
              }}
            >
              <GlyphIcon info={c} />
              {c.label}
            </button>
          );
        })}
      </div>
      <label className="ml-auto flex items-center gap-1.5 text-sm text-muted">
        Node
        <input
          type="text"
          inputMode="numeric"
          value={node}
          onChange={(e) => onNode(e.target.value.replace(/\D/g, ''))}
          placeholder="any"
          className="field w-14 rounded px-1.5 py-0.5 font-mono text-sm"
        />
      </label>
    </div>
  );
}
