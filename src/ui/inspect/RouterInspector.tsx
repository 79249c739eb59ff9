import { PROTOCOLS } from '../../sim';
import { useAppStore } from '../../store';
import { ForwardingTable } from './ForwardingTable';
import { HashStrip } from './HashStrip';
import { HASHING_EXPLAIN, HASHING_NAME } from './hashRegions';
import { RoutingTable } from './RoutingTable';
import { Section } from './Section';

/** The router: its RIB for the VIP, its FIB (the ECMP set) and how it hashes flows onto it. */
export function RouterInspector() {
  const hashing = useAppStore((s) => s.scenario?.hashing ?? 'hash-threshold');
  const preset = useAppStore((s) => s.scenario?.protocol.preset ?? 'lab');
  const expiryMs = useAppStore((s) => s.scenario?.protocol.expiryMs ?? 0);
  const maxPaths = useAppStore((s) => s.scenario?.router.maxPaths ?? 0);
  const profile = PROTOCOLS[preset];
  return (
    <div className="flex flex-col gap-4">
      <Section
        title="Routing table"
        aside={`${profile.label} · ${profile.metricName} · expiry ${expiryMs / 1000} s`}
      >
        <RoutingTable />
        <p className="text-xs text-muted">
          Lowest metric wins; every route tied at the best metric joins the ECMP set (up to{' '}
          {maxPaths}).
        </p>
      </Section>
      <Section title="Forwarding table" aside="ECMP set">
        <ForwardingTable />
      </Section>
      <Section title="Hashing" aside={HASHING_NAME[hashing]}>
        <HashStrip hashing={hashing} />
        <p className="text-xs text-muted">{HASHING_EXPLAIN[hashing]}</p>
      </Section>
    </div>
  );
}
