/**
 * The caption a scripted walkthrough shows over the page (`window.ecmp.caption`),
 * so a recorded video carries its own narration. Null shows nothing. Kept out
 * of the app store: nothing in the simulator reads it.
 */
let caption: string | null = null;
const listeners = new Set<() => void>();

export function setCaption(text: string | null): void {
  caption = text === null || text.trim() === '' ? null : text;
  for (const listener of listeners) listener();
}

export function getCaption(): string | null {
  return caption;
}

export function subscribeCaption(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
