/**
 * The lessons, by id (`?lesson=<id>`), and how a step's setup becomes a
 * scenario file. Add a lesson: write `lessons/<id>.ts` and list it here.
 */
import { presetByName } from '../sim/presets';
import type { ScenarioInput } from '../sim';
import { failover } from './lessons/failover';
import type { Lesson, Setup } from './types';

export type * from './types';

export const LESSONS: readonly Lesson[] = [failover];

export const LESSON_IDS: readonly string[] = LESSONS.map((l) => l.id);

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

/**
 * The scenario input a step's setup names (not yet validated), and the preset
 * name to show in the picker (null once other fields are changed).
 * @throws Error when the preset does not exist
 */
export function setupScenario(setup: Setup): { input: ScenarioInput; presetName: string | null } {
  const preset = presetByName(setup.preset);
  if (!preset) throw new Error(`lesson setup: no preset named "${setup.preset}"`);
  const changed = setup.changes !== undefined && Object.keys(setup.changes).length > 0;
  return {
    input: {
      ...preset.scenario,
      ...setup.changes,
      ...(setup.strategy ? { strategy: setup.strategy } : {}),
    } as ScenarioInput,
    presetName: changed ? null : preset.name,
  };
}
