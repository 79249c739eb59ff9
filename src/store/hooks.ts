import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { NodeView, RouteView } from '../sim';
import { useRunStore } from './runContext';
import type { AppState } from './state';
import { appStore } from './store';

/** Select from the app store; re-renders only when the selected value changes (Object.is). */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}

/** Select an array or object built by the selector; compared shallowly. */
export function useAppStoreShallow<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, useShallow(selector));
}

/** Node numbers of the current scenario (1..N); changes only on load. These four read the run the component is in (`./runContext.ts`). */
export function useNodeIds(): number[] {
  return useRunStore(useShallow((s) => s.snapshot?.nodes.map((n) => n.node) ?? []));
}

/** One node's view; re-renders only when that node changes. */
export function useNodeView(node: number): NodeView | undefined {
  return useRunStore((s) => s.snapshot?.nodes.find((n) => n.node === node));
}

/** The router's route from one node, or undefined when it holds none. */
export function useRouteView(node: number): RouteView | undefined {
  return useRunStore((s) => s.snapshot?.routes.find((r) => r.node === node));
}

/** The current ECMP set (node numbers in the FIB). */
export function useFib(): readonly number[] {
  return useRunStore((s) => s.snapshot?.fib ?? EMPTY);
}

const EMPTY: readonly number[] = [];
