import { useRef, useState } from 'react';
import { checkScenarioSize, decodeScenarioBytes, parseJsonText } from '../../sim';
import { appStore, getSim, loadScenario } from '../../store';
import { Button } from '../controls/Button';
import { problemsByField } from './draft';
import { copyText, downloadScenario, shareLink } from './transfer';

type Status = { kind: 'ok' | 'error'; text: string } | null;

/** Export, import and share the scenario (with the clicks made so far). */
export function ScenarioFiles() {
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<Status>(null);
  const [link, setLink] = useState<string | null>(null);

  const exportFile = () => {
    const sim = getSim();
    if (sim) downloadScenario(sim.scenario());
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setLink(null);
    try {
      // The same reading as the command line's: size first, then UTF-8 or UTF-16 by its BOM.
      checkScenarioSize(file.size);
      const text = decodeScenarioBytes(new Uint8Array(await file.arrayBuffer()));
      loadScenario(parseJsonText(text), null);
      setStatus({ kind: 'ok', text: `Loaded ${file.name}.` });
    } catch (error) {
      const problems = problemsByField(error).map((p) => p.text);
      setStatus({
        kind: 'error',
        text: `${file.name} was not loaded; the running scenario is unchanged:\n${problems.join('\n')}`,
      });
    }
  };
  const share = async () => {
    const sim = getSim();
    if (!sim) return;
    const { presetName, playing } = appStore.getState();
    const url = await shareLink(sim.scenario(), { presetName, tMs: sim.now(), paused: !playing });
    if (await copyText(url)) {
      setLink(null);
      setStatus({ kind: 'ok', text: 'Share link copied to the clipboard.' });
    } else {
      setLink(url);
      setStatus({ kind: 'ok', text: 'Copying is not allowed here; copy the link below.' });
    }
  };

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        <Button onClick={exportFile}>Export JSON</Button>
        <Button onClick={() => input.current?.click()}>Import JSON…</Button>
        <Button onClick={share}>Copy share link</Button>
        <input
          ref={input}
          type="file"
          accept="application/json,.json"
          aria-label="Import scenario file"
          hidden
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            void importFile(file);
          }}
        />
      </div>
      {status && (
        <p
          role={status.kind === 'error' ? 'alert' : 'status'}
          className={`text-sm whitespace-pre-line ${status.kind === 'error' ? 'error-banner rounded-md px-3 py-2' : 'text-muted'}`}
        >
          {status.text}
        </p>
      )}
      {link && (
        <label className="flex flex-col gap-0.5 text-xs">
          <span className="text-muted">Share link</span>
          <input
            readOnly
            value={link}
            className="field rounded-md px-2 py-1 font-mono text-xs"
            onFocus={(e) => e.currentTarget.select()}
          />
        </label>
      )}
    </div>
  );
}
