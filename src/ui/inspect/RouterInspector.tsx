import { PROTOCOLS } from '../../sim';
import { useAppStore } from '../../store';
import { ForwardingTable } from './ForwardingTable';
import { HashStrip } from './HashStrip';
import { HASHING_EXPLAIN, HASHING_NAME } from './hashRegions';
import { RoutingTable } from './RoutingTable';
import { Section } from './Section';

/** The router's RIB for the VIP and its FIB (the ECMP set). */
export function RouterTables() {
  const preset = useAppStore((s) => s.scenario?.protocol.preset ?? 'lab');
  const expiryMs = useAppStore((s) => s.scenario?.protocol.expiryMs ?? 0);
  const maxPaths = useAppStore((s) => s.scenario?.router.maxPaths ?? 0);
  const profile = PROTOCOLS[preset];
  return (
    <div className="flex flex-col gap-3">
      <Section
        title="Routing table"
        aside={`${profile.label} · ${profile.metricName} · expiry ${expiryMs / 1000} s`}
      >
        <RoutingTable />
      </Section>
      <Section title="Forwarding table" aside={`ECMP set, up to ${maxPaths} paths`}>
        <ForwardingTable />
      </Section>
    </div>
  );
}

/** How the router hashes flows onto its ECMP set. */
export function RouterHashing() {
  const hashing = useAppStore((s) => s.scenario?.hashing ?? 'hash-threshold');
  return (
    <Section title="Hashing" aside={HASHING_NAME[hashing]}>
      <HashStrip hashing={hashing} />
      <p className="text-sm text-muted">{HASHING_EXPLAIN[hashing]}</p>
    </Section>
  );
}
