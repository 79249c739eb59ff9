/**
 * What the first page needs to know about the lessons without loading them:
 * their ids (to read `?lesson=`) and titles (the `Lesson` button). The lesson
 * data and the runner load when a lesson opens (`./lazy.ts`);
 * `lessons.test.ts` keeps this list equal to `LESSONS`.
 */
export interface LessonEntry {
  id: string;
  title: string;
}

export const LESSON_CATALOG: readonly LessonEntry[] = [
  { id: 'failover', title: 'Failover by metric lowering' },
];

export const LESSON_IDS: readonly string[] = LESSON_CATALOG.map((l) => l.id);
