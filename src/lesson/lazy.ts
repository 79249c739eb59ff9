/**
 * The lesson runner and the lesson data, loaded the first time a lesson opens
 * (the `Lesson` button, or a `?lesson=` address at start-up), so the first
 * page does not download them. Closing needs no download: a lesson can be open
 * only once the runner has loaded.
 */
import { lessonStore } from './state';

type Runner = typeof import('./runner');

let loading: Promise<Runner> | null = null;
let loaded: Runner | null = null;

export function loadRunner(): Promise<Runner> {
  loading ??= import('./runner').then((runner) => {
    loaded = runner;
    return runner;
  });
  return loading;
}

/** Open lesson `id` at step `step` (1-based); rejects with the runner's LessonError. */
export async function openLesson(id: string, step = 1): Promise<void> {
  const runner = await loadRunner();
  await runner.openLesson(id, step);
}

/** Leave the lesson, if one is open: free play goes on from this moment. */
export function closeLesson(): void {
  if (!lessonStore.getState().lesson) return;
  if (loaded) loaded.closeLesson();
  else void loadRunner().then((runner) => runner.closeLesson());
}
