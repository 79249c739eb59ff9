import { useId, useState } from 'react';
import type { ProtocolPreset, Scenario } from '../../sim';
import { rerunScenario } from '../../store';
import { Button } from '../controls/Button';
import { buildScenario, type Draft, draftFrom, problemsByField, withPreset } from './draft';
import { type FieldSpec, fieldKey, GROUPS } from './fields';

interface Problem {
  key: string | null;
  text: string;
}

/**
 * Edit the scenario and apply it (a fresh run). Remounted on every load, so the
 * draft starts from what runs; a rejected apply keeps both the draft and the run.
 */
export function SettingsForm({
  scenario,
  onApplied,
}: {
  scenario: Scenario;
  /** `kept`: the user's actions and the moment survived (same cluster shape). */
  onApplied: (kept: boolean) => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftFrom(scenario));
  const [problems, setProblems] = useState<Problem[]>([]);
  const change = (key: string, value: string) =>
    setDraft((d) =>
      key === 'protocol.preset' ? withPreset(d, value as ProtocolPreset) : { ...d, [key]: value },
    );
  const apply = (event: React.FormEvent) => {
    event.preventDefault();
    try {
      const kept = rerunScenario(buildScenario(scenario, draft), null);
      setProblems([]);
      onApplied(kept);
    } catch (error) {
      setProblems(problemsByField(error));
    }
  };
  return (
    <form
      onSubmit={apply}
      noValidate
      aria-label="Scenario settings"
      className="flex flex-col gap-3"
    >
      {GROUPS.map((group) => (
        <fieldset
          key={group.legend}
          className="flex flex-col gap-2 rounded-md border border-line p-3"
        >
          <legend className="px-1 text-xs font-semibold tracking-wide text-muted uppercase">
            {group.legend}
          </legend>
          <div className="grid grid-cols-2 gap-x-3 gap-y-2">
            {group.fields.map((spec) => (
              <Field
                key={fieldKey(spec)}
                spec={spec}
                value={draft[fieldKey(spec)] ?? ''}
                message={problems.find((p) => p.key === fieldKey(spec))?.text ?? null}
                onChange={change}
              />
            ))}
          </div>
          {group.note && <p className="text-xs text-muted">{group.note}</p>}
        </fieldset>
      ))}
      {problems.length > 0 && (
        <div role="alert" className="error-banner rounded-md px-3 py-2 text-sm">
          <p className="font-semibold">Not applied; the running scenario is unchanged:</p>
          <ul className="mt-1 list-disc pl-5">
            {problems.map((p) => (
              <li key={p.text}>{p.text}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="flex items-center gap-2">
        <Button type="submit" primary>
          Apply
        </Button>
        <Button
          onClick={() => {
            setDraft(draftFrom(scenario));
            setProblems([]);
          }}
        >
          Revert
        </Button>
        <span className="text-xs text-muted">
          Applying restarts the run; faults for nodes that remain are kept.
        </span>
      </div>
    </form>
  );
}

function Field({
  spec,
  value,
  message,
  onChange,
}: {
  spec: FieldSpec;
  value: string;
  message: string | null;
  onChange: (key: string, value: string) => void;
}) {
  const key = fieldKey(spec);
  const id = useId();
  const invalid = message !== null;
  const wide = spec.kind === 'select' && (spec.options?.some((o) => o.label.length > 24) ?? false);
  const common = {
    id,
    name: key,
    'aria-invalid': invalid || undefined,
    'aria-describedby': invalid ? `${id}-error` : undefined,
    className: `field w-full rounded-md px-2 py-1 text-sm ${invalid ? 'border-[var(--bad)]! outline-1 outline-[var(--bad)]' : ''}`,
  };
  return (
    <div className={`flex flex-col gap-0.5 text-xs ${wide ? 'col-span-2' : ''}`}>
      <label htmlFor={id} className="text-muted">
        {spec.label}
      </label>
      {spec.kind === 'select' ? (
        <select {...common} value={value} onChange={(e) => onChange(key, e.currentTarget.value)}>
          {spec.options?.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          type="number"
          inputMode="decimal"
          min={spec.min}
          max={spec.max}
          step={spec.step ?? 'any'}
          value={value}
          onChange={(e) => onChange(key, e.currentTarget.value)}
        />
      )}
      {message && (
        <p id={`${id}-error`} className="text-alert">
          {message.replace(/^[^:]*:\s*/, '')}
        </p>
      )}
    </div>
  );
}
