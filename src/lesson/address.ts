/**
 * Opening the lesson the address names (`?lesson=<id>&step=<k>`) at start-up.
 * A step that the lesson does not have, or a step without a lesson, is a
 * problem for the banner; free play goes on. The runner loads only when the
 * address names a lesson.
 */
import type { UrlValues } from '../app/url';
import { loadRunner } from './lazy';
import { setAutoplay } from './state';

/** @returns whether a lesson is open */
export async function openLessonFromAddress(
  values: UrlValues,
  given: ReadonlySet<string>,
  problems: string[],
): Promise<boolean> {
  setAutoplay(!values.paused);
  if (values.lesson === undefined) {
    if (values.step !== undefined && !given.has('lesson'))
      problems.push('step: given without a lesson (add lesson=<id>)');
    return false;
  }
  // The runner and the lesson data load only for an address that names a lesson.
  const { LessonError, openLesson } = await loadRunner();
  try {
    await openLesson(values.lesson, values.step ?? 1);
    return true;
  } catch (error) {
    if (!(error instanceof LessonError)) throw error;
    problems.push(error.message);
    return false;
  }
}
