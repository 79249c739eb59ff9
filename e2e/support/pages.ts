/**
 * Page objects for the parts of the app a test or a walkthrough looks at: the
 * stage, the router's inspector and the timeline. Each finds elements by role
 * and accessible name (the names are a public interface, see the README).
 */
import type { Locator, Page } from '@playwright/test';

const nodeName = (node: number) => new RegExp(`^Node ${node}\\b`);

/** The region named `Network topology`: router, paths and node buttons. */
export class Stage {
  readonly region: Locator;
  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Network topology' });
  }

  /** Node `node`'s button, named `Node <n>, <state>`; a click fails or recovers it. */
  node(node: number): Locator {
    return this.region.getByRole('button', { name: new RegExp(`^Node ${node}, `) });
  }

  router(): Locator {
    return this.region.getByRole('button', { name: /^Router, / });
  }

  /** The state word of node `node`: active, failed, unhealthy or recovering. */
  async nodeState(node: number): Promise<string> {
    const name = (await this.node(node).getAttribute('aria-label')) ?? '';
    return /^Node \d+, (\w+)/.exec(name)?.[1] ?? '';
  }

  /** The path to node `node` (its `data-state` says fib, stale, absent…). */
  path(node: number): Locator {
    return this.region.locator(`.path[data-node="${node}"]`);
  }
}

/** The side panel's inspector showing the router: its routing and forwarding tables. */
export class RouterPanel {
  readonly picker: Locator;
  readonly routingTable: Locator;
  readonly forwardingTable: Locator;
  constructor(readonly page: Page) {
    this.picker = page.getByRole('combobox', { name: 'Inspect', exact: true });
    this.routingTable = page.getByRole('table', { name: 'Routing table' });
    this.forwardingTable = page.getByRole('table', { name: 'Forwarding table' });
  }

  /** Show the router, or node `target`, in the inspector (without touching the node). */
  async inspect(target: 'router' | number): Promise<void> {
    await this.picker.selectOption(target === 'router' ? 'router' : String(target));
  }

  /** The routing table's row for node `node` (its route, metric and status). */
  ribRow(node: number): Locator {
    return this.routingTable.getByRole('row', { name: nodeName(node) });
  }

  /** The forwarding table's row for next hop `node`. */
  fibRow(node: number): Locator {
    return this.forwardingTable.getByRole('row', { name: nodeName(node) });
  }

  ribRows(): Locator {
    return this.routingTable.getByRole('row', { name: /^Node \d+\b/ });
  }

  fibRows(): Locator {
    return this.forwardingTable.getByRole('row', { name: /^Node \d+\b/ });
  }

  /** The node numbers in the forwarding table (the ECMP set), in table order. */
  async ecmpSet(): Promise<number[]> {
    // Each row's header cell names its next hop ("Node 3"); the other cells hold its share.
    const names = await this.fibRows().evaluateAll((rows) =>
      rows.map((row) => row.querySelector('th')?.textContent ?? ''),
    );
    return names.map((name) => Number(/Node (\d+)/.exec(name)?.[1]));
  }
}

/** The bottom panel: the `Timeline` slider and the event log. */
export class Timeline {
  readonly slider: Locator;
  readonly eventLog: Locator;
  readonly categories: Locator;
  constructor(readonly page: Page) {
    this.slider = page.getByRole('slider', { name: 'Timeline' });
    this.eventLog = page.getByRole('list', { name: 'Event log' });
    this.categories = page.getByRole('group', { name: 'Show categories' });
  }

  /** Click the timeline at `fraction` (0 to 1) of its width: seeks there and pauses. */
  async clickAt(fraction: number): Promise<void> {
    const box = await this.slider.boundingBox();
    if (!box) throw new Error('the Timeline is not on screen');
    await this.slider.click({ position: { x: box.width * fraction, y: box.height / 2 } });
  }

  /** Toggle event-log category chips (Faults, Cluster, Metric, Router, FIB). */
  async toggleCategories(...names: string[]): Promise<void> {
    for (const name of names) await this.categories.getByRole('button', { name }).click();
  }

  /** Event-log entries whose name matches `name` (each is a button that seeks to it). */
  entries(name: RegExp | string): Locator {
    return this.eventLog.getByRole('button', { name });
  }
}
