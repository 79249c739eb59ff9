/**
 * The scenario file is the only gate into the core. A bad file must get a
 * message that names the field, shows the value it got and says what is allowed.
 */
import { describe, expect, test } from 'vitest';
import { PROTOCOLS } from './protocols';
import { parseScenario, ScenarioError } from './scenario';
import { parseScenarioText } from './scenarioText';

function problems(input: unknown): string[] {
  try {
    parseScenario(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as ScenarioError).problems;
  }
  throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
}

describe('bad scenarios are rejected with a message naming field, value and what is allowed', () => {
  test('an unknown field is named, with the fields allowed there', () => {
    const [message, ...rest] = problems({ version: 1, nodes: 4, nodez: 5 });
    expect(rest).toEqual([]);
    expect(message).toContain('"nodez"');
    expect(message).toMatch(/an unknown field "nodez"/);
    expect(message).toMatch(/allowed: .*\bnodes\b/);
  });

  test('an unknown nested field says where it is and what that object takes', () => {
    const [message] = problems({ version: 1, nodes: 4, router: { coalesce: 50 } });
    expect(message).toMatch(/^router\b/);
    expect(message).toContain('"coalesce"');
    expect(message).toContain('allowed: coalesceMs, fibInstallMs, maxPaths, carrierDetectMs');
  });

  test('a recover fault does not take a failure kind', () => {
    const [message] = problems({
      version: 1,
      nodes: 4,
      faults: [{ atMs: 1_000, node: 2, action: 'recover', kind: 'crash' }],
    });
    expect(message).toMatch(/^faults\[0\]: .*"kind" \(allowed: atMs, node, action\)$/);
  });

  test('a bad enum names the field, the value and the allowed values', () => {
    const [message] = problems({ version: 1, nodes: 4, protocol: { preset: 'eigrp' } });
    expect(message).toContain('protocol.preset');
    expect(message).toContain('"eigrp"');
    for (const preset of Object.keys(PROTOCOLS)) expect(message).toContain(`"${preset}"`);
  });

  test('a bad failure kind points into the faults list', () => {
    const [message] = problems({
      version: 1,
      nodes: 4,
      faults: [{ atMs: 1_000, node: 2, action: 'fail', kind: 'melt' }],
    });
    expect(message).toContain('faults[0].kind');
    expect(message).toContain('"melt"');
    for (const kind of ['crash', 'link', 'carrier', 'unhealthy']) expect(message).toContain(kind);
  });

  test('a fault on a node that does not exist says which nodes do', () => {
    const [message] = problems({
      version: 1,
      nodes: 4,
      faults: [
        { atMs: 1_000, node: 2, action: 'fail' },
        { atMs: 2_000, node: 5, action: 'recover' },
      ],
    });
    expect(message).toContain('faults[1].node');
    expect(message).toContain('5');
    expect(message).toContain('1 to 4');
  });

  test.each([0, 16])('a RIP metric of %i is outside 1–15', (base) => {
    const [message] = problems({
      version: 1,
      nodes: 4,
      protocol: { preset: 'rip' },
      metric: { base },
    });
    expect(message).toContain('metric.base');
    expect(message).toContain(`(got ${base})`);
    expect(message).toContain('1 to 15');
  });

  test('a floor above the base metric is refused', () => {
    const [message] = problems({ version: 1, nodes: 4, metric: { base: 10, floor: 20 } });
    expect(message).toContain('metric.floor');
    expect(message).toContain('20');
    expect(message).toContain('10');
  });

  test('numbers out of range or of the wrong kind are named with their bounds', () => {
    expect(problems({ version: 1, nodes: 0 })[0]).toMatch(/^nodes: .*1.*\(got 0\)$/);
    expect(problems({ version: 1, nodes: 2.5 })[0]).toBe('nodes: expected a whole number, got 2.5');
    expect(problems({ version: 2, nodes: 4 })[0]).toMatch(/^version: .*1.*\(got 2\)$/);
  });

  test('every problem is reported at once, not only the first', () => {
    const found = problems({ version: 1, nodes: 4, hashing: 'random', strategy: 'pray' });
    expect(found).toHaveLength(2);
    expect(found.join('\n')).toContain('hashing');
    expect(found.join('\n')).toContain('strategy');
  });

  test('text that is not JSON says so, with the parser’s reason', () => {
    expect(() => parseScenarioText('{"version": 1, nodes: 4}')).toThrow(ScenarioError);
    expect(() => parseScenarioText('{"version": 1, nodes: 4}')).toThrow(/^not valid JSON: .+/);
    expect(() => parseScenarioText('')).toThrow(/not valid JSON/);
  });
});

describe('defaults are filled in from the preset', () => {
  test('restore wait defaults to the protocol expiry, floor to the preset minimum', () => {
    for (const preset of ['ospf', 'bgp', 'rip', 'lab'] as const) {
      const sc = parseScenario({ version: 1, nodes: 2, protocol: { preset } });
      const profile = PROTOCOLS[preset];
      expect(sc.protocol.expiryMs).toBe(profile.expiryMs);
      expect(sc.metric.restoreWaitMs).toBe(profile.expiryMs);
      expect(sc.metric.base).toBe(profile.defaultBase);
      expect(sc.metric.floor).toBe(profile.minMetric);
    }
  });

  test('the DESIGN §5 protocol facts hold for the presets', () => {
    expect(PROTOCOLS.bgp).toMatchObject({ updateMs: 30_000, expiryMs: 90_000 });
    expect(PROTOCOLS.ospf).toMatchObject({ updateMs: 10_000, expiryMs: 40_000 });
    expect(PROTOCOLS.rip).toMatchObject({
      updateMs: 30_000,
      expiryMs: 180_000,
      garbageMs: 120_000,
      minMetric: 1,
      maxMetric: 15,
    });
  });

  test('faults are sorted by time, keeping the file order for the same moment', () => {
    const sc = parseScenario({
      version: 1,
      nodes: 4,
      faults: [
        { atMs: 5_000, node: 1, action: 'recover' },
        { atMs: 1_000, node: 1, action: 'fail' },
        { atMs: 5_000, node: 2, action: 'fail', kind: 'link' },
      ],
    });
    expect(sc.faults.map((f) => [f.atMs, f.node])).toEqual([
      [1_000, 1],
      [5_000, 1],
      [5_000, 2],
    ]);
    expect(sc.faults[0]).toMatchObject({ kind: 'crash' });
  });
});
