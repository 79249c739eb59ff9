/**
 * The guided lesson: the patent's method (advertise, a silent death, detect,
 * lower, wait and restore), then its consequences. Every moment named here is
 * the simulation's own; `lessons.test.ts` checks each prediction against it.
 */
import type { Lesson } from '../types';

export const failover: Lesson = {
  id: 'failover',
  title: 'Failover by metric lowering',
  steps: [
    {
      kind: 'watch',
      title: 'Four nodes, one address, equal routes',
      text: [
        'Four load-balancer nodes serve one address, 10.0.0.100. Each advertises it to the router with the same routing metric, n = 100.',
        'Equal metrics make one equal-cost multi-path (ECMP) route with four next hops. The router hashes each flow onto one of them, so each node gets about a quarter of the flows.',
      ],
      setup: { preset: 'basic', atMs: 6_000 },
      fromMs: 3_000,
      spotlight: [{ kind: 'router' }, { kind: 'table', table: 'Routing table' }],
    },
    {
      kind: 'do',
      title: 'Fail node 4 yourself',
      text: [
        'A node can die without a word: a crash, a power cut, a cut link. Try it.',
        'Nothing tells the router. Watch what it keeps doing with node 4’s share of the flows.',
      ],
      task: 'Fail node 4: click it on the stage, or press Tab until it is focused and press Enter.',
      waitFor: { kind: 'nodeDown', node: 4 },
      done: 'Node 4 is down. It told nobody: the router still holds its route and keeps hashing about a quarter of the flows to it, until the other nodes react.',
      thenPlayMs: 2_500,
      setup: { preset: 'basic', atMs: 5_000 },
      spotlight: [{ kind: 'node', node: 4 }],
    },
    {
      kind: 'watch',
      title: 'A silent death: the black hole',
      text: [
        'Here the cluster does nothing about it (strategy: none). Node 4 crashed at 10 s, but the router last heard from it a moment before, so its route looks fine.',
        'The router keeps the route until the routing protocol’s expiry timer runs out: the ring on node 4’s path empties. Until then, about a quarter of the flows go into a black hole.',
      ],
      setup: { preset: 'basic', strategy: 'none', atMs: 12_500 },
      fromMs: 9_600,
      spotlight: [
        { kind: 'path', node: 4 },
        { kind: 'ring', node: 4 },
        { kind: 'route', node: 4 },
      ],
    },
    {
      kind: 'predict',
      title: 'How long does the black hole last?',
      text: [
        'Still with no strategy: node 4 is dead, and the router’s route to it is counting down.',
      ],
      question: 'When does the router stop sending flows to node 4?',
      answers: [
        {
          text: 'At once: the router sees the crash.',
          why: 'A crash sends nothing. The router only notices silence, and only when the route’s expiry timer runs out.',
          claim: { kind: 'inFib', atMs: 10_500, node: 4, is: false },
        },
        {
          text: 'When node 4’s route expires, about 7.7 s after the crash.',
          why: 'The route lives until nothing has been heard for the expiry time (9 s after node 4’s last message). At 17.7 s the router removes it and installs nodes 1 to 3.',
          claim: {
            kind: 'all',
            facts: [
              { kind: 'inFib', atMs: 17_600, node: 4, is: true },
              { kind: 'inFib', atMs: 17_800, node: 4, is: false },
            ],
          },
        },
        {
          text: 'Only when node 4 comes back, at 40 s.',
          why: 'Expiry removes the route long before that; when node 4 returns it advertises again and is added back.',
          claim: { kind: 'inFib', atMs: 30_000, node: 4, is: true },
        },
      ],
      correct: 1,
      setup: { preset: 'basic', strategy: 'none', atMs: 12_500 },
      revealMs: 18_500,
      spotlight: [
        { kind: 'ring', node: 4 },
        { kind: 'route', node: 4 },
      ],
    },
    {
      kind: 'watch',
      title: 'The survivors detect the loss',
      text: [
        'Now with the patent’s method (metric lowering). The nodes send each other heartbeats over the cluster’s backplane.',
        'When node 4’s heartbeats stop, each survivor’s view of the active set shrinks from {1, 2, 3, 4} to {1, 2, 3}: a strict subset, so a member was lost. Each notices on its own schedule, within a second.',
      ],
      setup: { preset: 'basic', atMs: 10_700 },
      fromMs: 9_700,
      spotlight: [
        { kind: 'node', node: 1 },
        { kind: 'node', node: 2 },
        { kind: 'node', node: 3 },
        { kind: 'timeline', fromMs: 10_000, toMs: 10_700 },
      ],
    },
    {
      kind: 'predict',
      title: 'Lower the metric: n − 1',
      text: [
        'Each survivor that detects the loss re-advertises the address with its metric lowered by one, to 99. Node 4 cannot: its stale route stays at 100.',
      ],
      question: 'Node 4 crashes at 10 s. Which nodes carry traffic at 11 s?',
      answers: [
        {
          text: 'Nodes 1, 2 and 3.',
          why: 'Lower is better: the three routes at 99 beat node 4’s stale route at 100, which is no longer equal-cost. The router installs {1, 2, 3} about 0.75 s after the crash, long before the route expires.',
          claim: { kind: 'fib', atMs: 11_000, nodes: [1, 2, 3] },
        },
        {
          text: 'All four: the router still has node 4’s route.',
          why: 'It has the route, but at 100 it is no longer among the best; that is what happened with no strategy, until expiry at 17.7 s.',
          claim: { kind: 'fib', atMs: 11_000, nodes: [1, 2, 3, 4] },
        },
        {
          text: 'Only node 2, the first to notice.',
          why: 'That was true for a tenth of a second (from 10.65 s): the first node to lower is briefly the only best path. By 11 s the others have lowered too.',
          claim: { kind: 'fib', atMs: 11_000, nodes: [2] },
        },
        {
          text: 'None: the router waits until the routes settle.',
          why: 'The router always forwards on what it has; at every moment here some route is best.',
          claim: { kind: 'fib', atMs: 11_000, nodes: [] },
        },
      ],
      correct: 0,
      setup: { preset: 'basic', atMs: 9_800 },
      revealMs: 11_000,
      spotlight: [
        { kind: 'table', table: 'Forwarding table' },
        { kind: 'timeline', fromMs: 10_000, toMs: 11_000 },
      ],
    },
    {
      kind: 'predict',
      title: 'The stale route',
      text: ['The black hole closed in about 0.65 s. But the router has not forgotten node 4.'],
      question: 'What does the router’s routing table show for node 4 at 11 s?',
      answers: [
        {
          text: 'Nothing: the route was removed when the node died.',
          why: 'Nothing removed it: the router heard no withdrawal, and its expiry timer still runs (until 17.7 s).',
          claim: { kind: 'route', atMs: 11_000, node: 4, present: false },
        },
        {
          text: 'Metric 99, like the others.',
          why: 'Only a live node can re-advertise. Node 4’s last word was 100.',
          claim: { kind: 'route', atMs: 11_000, node: 4, present: true, metric: 99 },
        },
        {
          text: 'Its stale route at 100, no longer in the forwarding table, counting down to expiry.',
          why: 'The route stays until it expires at 17.7 s, but at 100 it is worse than the survivors’ 99, so the forwarding table leaves it out. The stale route is harmless now.',
          claim: {
            kind: 'route',
            atMs: 11_000,
            node: 4,
            present: true,
            metric: 100,
            stale: true,
            inFib: false,
          },
        },
        {
          text: 'Its route at 100, still in the forwarding table.',
          why: 'At 100 it is not among the best routes (99), so it is not installed.',
          claim: { kind: 'route', atMs: 11_000, node: 4, present: true, inFib: true },
        },
      ],
      correct: 2,
      setup: { preset: 'basic', atMs: 11_000 },
      // Just before the route expires (17.7 s): the row is still there, counting down.
      revealMs: 17_000,
      spotlight: [
        { kind: 'route', node: 4 },
        { kind: 'ring', node: 4 },
      ],
    },
    {
      kind: 'watch',
      title: 'The wait, then the restore',
      text: [
        'When they lowered, the survivors started a wait: the blue ring on each node. It is set to outlast the router’s expiry of the stale route, 9 s here; node 4’s route expired at 17.7 s.',
        'When the wait ends, each node re-advertises 100. The cluster is back at rest on three nodes, ready for the next failure.',
      ],
      setup: { preset: 'basic', atMs: 20_500 },
      fromMs: 16_500,
      spotlight: [
        { kind: 'table', table: 'Routing table' },
        { kind: 'timeline', fromMs: 10_569, toMs: 19_755 },
      ],
    },
    {
      kind: 'predict',
      title: 'The staggered transient',
      text: [
        'Here the nodes notice the loss of node 2 up to 0.6 s apart, and the router applies each update at once. Node 4 noticed first and lowered to 99 at 10.53 s.',
      ],
      question: 'Which nodes carry traffic at 10.7 s, before the others have lowered?',
      answers: [
        {
          text: 'Nodes 1, 3 and 4, a third each.',
          why: 'That is where it settles, at 11.2 s, once all three have lowered.',
          claim: { kind: 'fib', atMs: 10_700, nodes: [1, 3, 4] },
        },
        {
          text: 'Only node 4: every flow.',
          why: 'For a moment node 4’s 99 is the only best route, so the router sends it everything, until node 1 lowers at 10.83 s. The same happens in reverse when they restore one by one.',
          claim: { kind: 'fib', atMs: 10_700, nodes: [4] },
        },
        {
          text: 'Nodes 1, 2, 3 and 4, as before.',
          why: 'Node 4 already advertises 99, which beats everyone else’s 100; equal cost is gone.',
          claim: { kind: 'fib', atMs: 10_700, nodes: [1, 2, 3, 4] },
        },
      ],
      correct: 1,
      setup: { preset: 'staggered-detection', atMs: 10_300 },
      revealMs: 11_400,
      spotlight: [
        { kind: 'node', node: 4 },
        { kind: 'table', table: 'Forwarding table' },
        { kind: 'timeline', fromMs: 10_528, toMs: 11_183 },
      ],
    },
    {
      kind: 'watch',
      title: 'A second failure: n − 2',
      text: [
        'Node 3 crashes at 14 s, during the wait for node 4. The survivors lower again, relative to what they advertise now: 99 − 1 = 98, and restart the wait.',
        'Both stale routes, node 4’s at 100 and node 3’s at 99, are worse than 98, so neither is used. The lowering has a floor (the setting metric.floor, by default the protocol’s lowest metric): a cluster that loses many nodes stops lowering there.',
      ],
      setup: { preset: 'cascade', atMs: 15_000 },
      fromMs: 13_600,
      spotlight: [
        { kind: 'route', node: 3 },
        { kind: 'node', node: 1 },
        { kind: 'node', node: 2 },
      ],
    },
    {
      kind: 'predict',
      title: 'Recovery during the wait',
      text: [
        'Node 4 crashed at 10 s and comes back at 12 s, while its peers still advertise 99 and wait. At 14 s its routing session is up and it advertises the base metric, 100.',
      ],
      question: 'How much traffic does node 4 get at 16 s?',
      answers: [
        {
          text: 'A quarter of the flows, as soon as it advertises.',
          why: 'Its 100 is worse than the peers’ 99, so its route is not equal-cost.',
          claim: { kind: 'inFib', atMs: 16_000, node: 4, is: true },
        },
        {
          text: 'None, until its peers restore to 100 at about 22.5 s.',
          why: 'The patent’s literal rule: a returning node advertises n while its peers are at n − 1, so it is not among the best routes until they restore. (A non-patent option rejoins at the cluster’s metric instead.)',
          claim: {
            kind: 'all',
            facts: [
              { kind: 'inFib', atMs: 16_000, node: 4, is: false },
              { kind: 'inFib', atMs: 23_000, node: 4, is: true },
            ],
          },
        },
        {
          text: 'Every flow: it is the newest route.',
          why: 'Routers choose by metric, not by age.',
          claim: { kind: 'fib', atMs: 16_000, nodes: [4] },
        },
      ],
      correct: 1,
      setup: { preset: 'recovery-during-wait', atMs: 13_000 },
      revealMs: 16_000,
      spotlight: [
        { kind: 'node', node: 4 },
        { kind: 'route', node: 4 },
      ],
    },
    {
      kind: 'predict',
      title: 'A wait shorter than the expiry',
      text: [
        'Misconfigured: the nodes wait only 2 s before restoring, but the router keeps node 4’s stale route for up to 9 s after it last heard from it.',
      ],
      question: 'What happens when the survivors restore to 100 at about 12.5 s?',
      answers: [
        {
          text: 'Nothing: node 4 is gone from the router.',
          why: 'Its stale route is still there, at 100, until 18.2 s.',
          claim: { kind: 'route', atMs: 13_000, node: 4, present: false },
        },
        {
          text: 'Node 4’s stale route is equal-cost again: it rejoins the ECMP set and the black hole reopens until the route expires.',
          why: 'At 100 everyone, dead or alive, is equal again, so the router installs all four. Packets are lost until the stale route expires at 18.2 s. The wait must outlast the expiry.',
          claim: {
            kind: 'all',
            facts: [
              { kind: 'inFib', atMs: 13_000, node: 4, is: true },
              { kind: 'blackHole', atMs: 13_000, is: true },
              { kind: 'inFib', atMs: 18_500, node: 4, is: false },
            ],
          },
        },
        {
          text: 'The survivors notice and lower to 99 again.',
          why: 'They already detected node 4’s loss; the membership does not change again, so nothing makes them lower.',
          claim: { kind: 'advertises', atMs: 13_000, node: 1, metric: 99 },
        },
      ],
      correct: 1,
      setup: { preset: 'short-wait', atMs: 11_000 },
      revealMs: 14_000,
      spotlight: [
        { kind: 'path', node: 4 },
        { kind: 'route', node: 4 },
        { kind: 'timeline', fromMs: 12_560, toMs: 18_257 },
      ],
    },
    {
      kind: 'predict',
      title: 'An unhealthy node BFD cannot see',
      text: [
        'Node 2’s health fell below the threshold at 10 s: it drops the packets it gets, but its routing session and its BFD session stay up. Here the strategy is BFD, fast failure detection between router and node.',
      ],
      question: 'What does BFD do about node 2?',
      answers: [
        {
          text: 'It removes node 2 within a second.',
          why: 'BFD only sees whether the link and the node’s protocol stack answer; they do.',
          claim: { kind: 'inFib', atMs: 11_500, node: 2, is: false },
        },
        {
          text: 'Nothing: the router keeps sending node 2 its share until it recovers at 30 s.',
          why: 'BFD and the routing protocol both see a live neighbour, and the route never expires. Only the cluster’s own health checks see it; under metric lowering, its peers lower at about 12.9 s and take its traffic away.',
          claim: {
            kind: 'all',
            facts: [
              { kind: 'inFib', atMs: 20_000, node: 2, is: true },
              { kind: 'blackHole', atMs: 20_000, is: true },
              { kind: 'inFib', atMs: 29_000, node: 2, is: true },
            ],
          },
        },
        {
          text: 'The route expires after 9 s, as for a crash.',
          why: 'Node 2 still sends keepalives, so its route is refreshed and never expires.',
          claim: { kind: 'inFib', atMs: 20_000, node: 2, is: false },
        },
      ],
      correct: 1,
      setup: { preset: 'unhealthy', strategy: 'bfd', atMs: 10_500 },
      revealMs: 14_000,
      spotlight: [
        { kind: 'node', node: 2 },
        { kind: 'path', node: 2 },
      ],
    },
    {
      kind: 'watch',
      title: 'What hashing does to flows',
      text: [
        'The router hashes each flow to a next hop. With hash-threshold, each next hop owns a slice of the hash range; taking one of four away resizes every slice, so about half of all flows change node, not just node 4’s quarter.',
        'In this run the survivors lowered one after another, so for a moment the forwarding table held only the first of them: most flows moved twice, to it and then to their new slice. Each node keeps the state of the flows it took, so a moved flow that reaches a node that never saw it is reset: look at Broken above the stage. Resilient hashing moves only the dead node’s flows.',
      ],
      setup: { preset: 'connection-local', atMs: 11_500 },
      fromMs: 9_500,
      spotlight: [{ kind: 'table', table: 'Forwarding table' }],
    },
    {
      kind: 'quiz',
      title: 'Check what you learned',
      text: [
        'Six questions. Choose an answer (the arrow keys move between them), then press Answer.',
      ],
      setup: { preset: 'basic', atMs: 20_500 },
      questions: [
        {
          question: 'Why does the router keep sending flows to a node that crashed?',
          answers: [
            'It cannot tell: it keeps the route until its expiry timer runs out.',
            'The crashed node keeps advertising its route.',
            'ECMP routers never remove a next hop.',
          ],
          correct: 0,
          explain:
            'A crash is silent. The router only notices that it has heard nothing for the expiry time, and until then it hashes about 1/N of the flows into a black hole.',
        },
        {
          question: 'What do the surviving nodes advertise once they detect the loss?',
          answers: ['The base metric n, louder', 'n − 1, one better than n', 'n + 1'],
          correct: 1,
          explain:
            'Lower is better. At n − 1 the survivors’ routes beat the dead node’s stale route at n, so the router installs an ECMP set without it, long before the route expires.',
        },
        {
          question: 'How long should the nodes wait before restoring n?',
          answers: [
            'As short as possible, to get back to normal quickly',
            'At least as long as the router keeps the dead node’s stale route',
            'Forever: they should stay at n − 1',
          ],
          correct: 1,
          explain:
            'If they restore before the stale route expires, the dead node is equal-cost again, back in the ECMP set, and the black hole reopens until the route expires.',
        },
        {
          question: 'A second node dies during the wait. What do the survivors do?',
          answers: [
            'Nothing until the wait ends',
            'Lower to n − 2 and restart the wait',
            'Restore to n at once',
          ],
          correct: 1,
          explain:
            'They lower again relative to what they advertise now (n − 1 − 1), so both stale routes are worse, and the wait starts over. The metric has a floor.',
        },
        {
          question: 'Why can BFD not help with an unhealthy node?',
          answers: [
            'BFD is too slow',
            'Its routing and BFD sessions stay up: only the cluster’s health checks see the problem',
            'BFD only works with RIP',
          ],
          correct: 1,
          explain:
            'BFD tests the path between router and node, which is fine. The cluster knows from its health checks, and lowering the peers’ metric is what takes the traffic away.',
        },
        {
          question:
            'With hash-threshold, one of four next hops leaves. Roughly how many flows move?',
          answers: ['A quarter', 'About half', 'All of them'],
          correct: 1,
          explain:
            'Each next hop owns a slice of the hash range; removing one resizes every slice, so flows move between the survivors too. Resilient hashing moves only the dead node’s quarter.',
        },
      ],
    },
  ],
};
