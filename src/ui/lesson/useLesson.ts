import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { type LessonState, lessonStore } from '../../lesson/state';

export function useLesson<T>(selector: (state: LessonState) => T): T {
  return useStore(lessonStore, selector);
}

export function useLessonShallow<T>(selector: (state: LessonState) => T): T {
  return useStore(lessonStore, useShallow(selector));
}

/** Move focus to the element when `when` turns true (after an answer, to the next control). */
export function useFocusWhen(when: boolean) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (when) ref.current?.focus();
  }, [when]);
  return ref;
}
