import { AxeBuilder } from '@axe-core/playwright';
import { failover } from '../src/lesson/lessons/failover';
import type { PredictStep, QuizStep } from '../src/lesson/types';
import { expect, test } from './support/fixtures';
import type { Page } from '@playwright/test';

// The guided lesson, as a student meets it: opened from the header or a link,
// walked with Next / Back and Page Down / Page Up, a do step done by keyboard,
// every prediction answered wrong and right, the quiz scored. The clock is
// paused (`paused=1`): each step lands on its own moment and nothing moves
// unless the test advances it.

const N = failover.steps.length;
const lessonRegion = (page: Page) => page.getByRole('region', { name: 'Lesson' });
const button = (page: Page, name: string) =>
  lessonRegion(page).getByRole('button', { name, exact: true });
const openStep = (k: number) => `?lesson=failover&step=${k}&paused=1`;
const stepParam = (page: Page) => new URL(page.url()).searchParams.get('step');

const predictions = failover.steps.flatMap((s, i) =>
  s.kind === 'predict' ? [{ k: i + 1, step: s as PredictStep }] : [],
);

test('the Lesson button opens the lesson beside the stage; Close returns to free play at that moment', async ({
  page,
  ecmp,
  stage,
}) => {
  await ecmp.open('?preset=basic&paused=1');
  const slowMotion = page.getByRole('checkbox', { name: /slow motion/i });
  await expect(slowMotion).not.toBeChecked();
  await page.getByRole('button', { name: 'Lesson', exact: true }).click();
  const lesson = lessonRegion(page);
  await expect(lesson).toBeVisible();
  await expect(lesson.getByRole('heading', { name: failover.steps[0]!.title })).toBeVisible();
  await expect(lesson).toContainText(`Step 1 of ${N}`);
  await expect(stage.region).toBeVisible();
  await expect(stage.node(4)).toBeInViewport();
  await expect(slowMotion).toBeChecked();
  expect(stepParam(page)).toBe('1');
  expect(new URL(page.url()).searchParams.get('lesson')).toBe('failover');

  await ecmp.advance(1_234);
  const at = await ecmp.now();
  await button(page, 'Close').click();
  await expect(lesson).toHaveCount(0);
  await expect.poll(() => ecmp.now()).toBe(at);
  await expect(slowMotion).not.toBeChecked();
  expect(new URL(page.url()).searchParams.has('lesson')).toBe(false);
  expect(new URL(page.url()).searchParams.has('step')).toBe(false);
  // Free play: a click fails the node as usual.
  await stage.node(2).click();
  await expect(stage.node(2)).toHaveAccessibleName(/^Node 2, failed/);
});

test('the whole lesson walked forward and back, each step at its own moment and preset', async ({
  page,
  ecmp,
}) => {
  test.setTimeout(90_000);
  await ecmp.open(openStep(1));
  const lesson = lessonRegion(page);
  const picker = page.getByRole('combobox', { name: 'Scenario' });
  const expectStep = async (k: number) => {
    const step = failover.steps[k - 1]!;
    await expect(lesson.getByRole('heading', { level: 2 })).toHaveText(step.title);
    await expect(lesson).toContainText(`Step ${k} of ${N}`);
    expect(stepParam(page)).toBe(String(k));
    await expect(picker).toHaveValue(step.setup.preset);
    await expect.poll(() => ecmp.now()).toBe(step.setup.atMs);
    if (step.setup.strategy) expect((await ecmp.scenario()).strategy).toBe(step.setup.strategy);
  };
  await expectStep(1);
  await expect(button(page, 'Back')).toBeDisabled();
  for (let k = 2; k <= N; k++) {
    if (k % 2 === 0) await button(page, 'Next').click();
    else await page.keyboard.press('PageDown');
    await expectStep(k);
  }
  await expect(button(page, 'Next')).toBeDisabled();
  for (let k = N - 1; k >= 1; k--) {
    if (k % 2 === 0) await button(page, 'Back').click();
    else await page.keyboard.press('PageUp');
    await expectStep(k);
  }
});

test('without paused=1, a watch step plays its stretch and stops at its moment', async ({
  page,
  ecmp,
}) => {
  const step = failover.steps[0]!;
  await ecmp.open('?lesson=failover&step=1');
  const toolbar = page.getByRole('toolbar', { name: 'Simulation controls' });
  await expect(toolbar.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(toolbar.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 15_000 });
  await expect.poll(() => ecmp.now()).toBe(step.setup.atMs);
});

test('a do step is completed by keyboard, and noticed from the simulation', async ({
  page,
  ecmp,
  stage,
}) => {
  const k = failover.steps.findIndex((s) => s.kind === 'do') + 1;
  await ecmp.open(openStep(k));
  const status = lessonRegion(page).getByRole('status');
  await expect(status).toHaveText(/Waiting/);
  const name = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
  for (let i = 0; i < 60 && !(await name()).startsWith('Node 4, '); i++) {
    await page.keyboard.press('Tab');
  }
  expect(await name()).toMatch(/^Node 4, active/);
  await page.keyboard.press('Enter');
  await expect(stage.node(4)).toHaveAccessibleName(/^Node 4, failed/);
  await expect(status).toHaveText(/^Done at 5\.0 s\. Node 4 is down/);
  const events = await ecmp.events();
  expect(events.some((e) => e.type === 'node-fail' && e.node === 4 && e.tMs === 5_000)).toBe(true);

  // Back from the next step, where node 4 is down, the step waits again from its own state;
  // done through window.ecmp (no click at all), it is noticed too.
  await page.keyboard.press('PageDown');
  await expect(lessonRegion(page)).toContainText(`Step ${k + 1} of ${N}`);
  await page.keyboard.press('PageUp');
  await expect(lessonRegion(page)).toContainText(`Step ${k} of ${N}`);
  await expect(stage.node(4)).toHaveAccessibleName(/^Node 4, active/);
  await expect(status).toHaveText(/Waiting/);
  await ecmp.fail(4);
  await expect(status).toHaveText(/^Done at 5\.0 s/);
});

for (const { k, step } of predictions) {
  test(`prediction at step ${k} (${step.title}): a wrong answer, then the right one`, async ({
    page,
    ecmp,
  }) => {
    await ecmp.open(openStep(k));
    const lesson = lessonRegion(page);
    const group = lesson.getByRole('radiogroup', { name: 'Prediction' });
    await expect(group.getByRole('radio')).toHaveCount(step.answers.length);
    const status = lesson.getByRole('status');
    const right = step.answers[step.correct]!;
    const wrongIndex = step.correct === 0 ? 1 : 0;
    const wrong = step.answers[wrongIndex]!;

    await button(page, 'Check').click();
    await expect(status).toHaveText('Choose an answer first.');
    await expect.poll(() => ecmp.now()).toBe(step.setup.atMs);

    await group.getByRole('radio', { name: wrong.text }).check();
    await button(page, 'Check').click();
    await expect(status).toContainText('Not quite.');
    await expect(status).toContainText(`The answer is: ${right.text}`);
    await expect(status).toContainText(right.why);
    for (const [i, other] of step.answers.entries()) {
      if (i !== step.correct) await expect(status).toContainText(other.why);
    }
    await expect(status).toContainText(`Your answer, “${wrong.text}”`);
    // Then the reveal: paused, it lands at its end.
    await expect.poll(() => ecmp.now()).toBe(step.revealMs);

    await group.getByRole('radio', { name: right.text }).check();
    await button(page, 'Check').click();
    await expect(status).toContainText(`Right. ${right.why}`);
    await expect(status).not.toContainText('Not quite');
    await expect.poll(() => ecmp.now()).toBe(step.revealMs);
  });
}

test('the reveal shows what the right answer says: nodes 1, 2 and 3 carry the traffic at 11 s', async ({
  page,
  ecmp,
  routerPanel,
}) => {
  const k = failover.steps.findIndex((s) => s.title === 'Lower the metric: n − 1') + 1;
  await ecmp.open(openStep(k));
  // The inspector loads just after the stage: wait for its table.
  await expect(routerPanel.fibRows()).toHaveCount(4);
  expect(await routerPanel.ecmpSet()).toEqual([1, 2, 3, 4]);
  const step = failover.steps[k - 1] as PredictStep;
  await lessonRegion(page).getByRole('radio', { name: step.answers[step.correct]!.text }).check();
  await button(page, 'Check').click();
  await expect.poll(() => routerPanel.ecmpSet()).toEqual([1, 2, 3]);
  await expect(routerPanel.ribRow(4)).toContainText('100');
});

test('a deep link opens its step, the address follows the lesson, and a reload keeps the step', async ({
  page,
  ecmp,
}) => {
  await ecmp.open(openStep(9));
  const lesson = lessonRegion(page);
  await expect(lesson.getByRole('heading', { level: 2 })).toHaveText(failover.steps[8]!.title);
  await button(page, 'Next').click();
  await expect(lesson).toContainText(`Step 10 of ${N}`);
  expect(stepParam(page)).toBe('10');
  await page.reload();
  await ecmp.ready();
  await expect(lesson.getByRole('heading', { level: 2 })).toHaveText(failover.steps[9]!.title);
  await expect(lesson).toContainText(`Step 10 of ${N}`);
  await expect.poll(() => ecmp.now()).toBe(failover.steps[9]!.setup.atMs);
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('cascade');
});

test('a bad lesson or step is named in the banner and free play goes on', async ({
  page,
  ecmp,
  stage,
}) => {
  await ecmp.open('?preset=short-wait&lesson=nope&step=2&paused=1');
  await expect(page.getByRole('alert')).toContainText('lesson: "nope" is not one of failover');
  await expect(page.getByRole('alert')).not.toContainText('given without');
  await expect(lessonRegion(page)).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('short-wait');

  await ecmp.open(`?preset=cascade&lesson=failover&step=${N + 1}&paused=1`);
  await expect(page.getByRole('alert')).toContainText(
    `step: ${N + 1} is not a step of lesson "failover" (it has steps 1 to ${N})`,
  );
  await expect(lessonRegion(page)).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('cascade');
  await stage.node(1).click();
  await expect(stage.node(1)).toHaveAccessibleName(/^Node 1, failed/);
});

test('the closing quiz is answered by keyboard alone and scored', async ({ page, ecmp }) => {
  await ecmp.open(openStep(N));
  const quiz = failover.steps[N - 1] as QuizStep;
  const lesson = lessonRegion(page);
  const status = lesson.getByRole('status');
  // Into the first question's answers by keyboard.
  await lesson.getByRole('radio').first().focus();
  for (const [i, q] of quiz.questions.entries()) {
    await expect(lesson).toContainText(`Question ${i + 1} of ${quiz.questions.length}`);
    await expect(lesson.getByRole('radiogroup', { name: q.question })).toBeVisible();
    // The second question answered wrong, every other right.
    const target = i === 1 ? (q.correct + 1) % q.answers.length : q.correct;
    await page.keyboard.press('Space');
    for (let a = 0; a < target; a++) await page.keyboard.press('ArrowDown');
    await expect(lesson.getByRole('radio', { name: q.answers[target]! })).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(button(page, 'Answer')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(status).toContainText(q.explain);
    await expect(status).toContainText(i === 1 ? 'Not quite.' : 'Right.');
    await page.keyboard.press('Enter');
  }
  const total = quiz.questions.length;
  await expect(status).toHaveText(`Score: ${total - 1} of ${total}`);
});

test('the lesson and the side-by-side view take turns: opening one leaves the other', async ({
  page,
  ecmp,
}) => {
  await ecmp.open('?preset=basic&paused=1&compare=none,metric-lowering');
  await expect(page.getByRole('region', { name: /^Run: / })).toHaveCount(2);
  await page.getByRole('button', { name: 'Lesson', exact: true }).click();
  await expect(lessonRegion(page)).toBeVisible();
  await expect(page.getByRole('region', { name: /^Run: / })).toHaveCount(0);
  await page.getByRole('button', { name: 'Side by side' }).click();
  await expect(page.getByRole('region', { name: /^Run: / }).first()).toBeVisible();
  await expect(lessonRegion(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Lesson', exact: true })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
});

test('on a phone the Lesson button brings the panel into view', async ({ page, ecmp }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await ecmp.open('?preset=basic&paused=1');
  await page.getByRole('button', { name: 'Lesson', exact: true }).click();
  await expect(lessonRegion(page)).toBeInViewport();
});

test('in presenter mode a step that points at the routing table shows it under the stage, ringed', async ({
  page,
  ecmp,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await ecmp.open(`${openStep(7)}&present=1`);
  await expect(lessonRegion(page)).toContainText(`Step 7 of ${N}`);
  // The inspector is folded away while presenting; the lesson brings the router's tables.
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeHidden();
  const table = page.getByRole('table', { name: 'Routing table' });
  await expect(table).toBeInViewport();
  const row = table.getByRole('row', { name: /Node 4/ });
  await expect(row).toContainText('100');
  const ring = page.locator('.lesson-spot[data-kind="route"]');
  await expect(ring).toBeVisible();
  const [r, b] = [await row.boundingBox(), await ring.boundingBox()];
  expect(b!.x).toBeLessThanOrEqual(r!.x);
  expect(b!.y).toBeLessThanOrEqual(r!.y);
  expect(b!.x + b!.width).toBeGreaterThanOrEqual(r!.x + r!.width);
  expect(b!.y + b!.height).toBeGreaterThanOrEqual(r!.y + r!.height);
  // A step that points at no table leaves the stage its room.
  await button(page, 'Back').click();
  await button(page, 'Back').click();
  await expect(lessonRegion(page)).toContainText(`Step 5 of ${N}`);
  await expect(page.getByRole('table', { name: 'Routing table' })).toHaveCount(0);
});

test('in presenter mode a remote steps the lesson: Page Down and the full stop forward, Page Up back', async ({
  page,
  ecmp,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await ecmp.open(`${openStep(6)}&present=1`);
  const lesson = lessonRegion(page);
  await expect(lesson).toContainText(`Step 6 of ${N}`);
  const at = await ecmp.now();
  // With an answer focused, as after choosing one.
  await lesson.getByRole('radio').first().focus();
  await page.keyboard.press('PageDown');
  await expect(lesson).toContainText(`Step 7 of ${N}`);
  await page.keyboard.press('.');
  await expect(lesson).toContainText(`Step 8 of ${N}`);
  await page.keyboard.press('PageUp');
  await expect(lesson).toContainText(`Step 7 of ${N}`);
  expect(stepParam(page)).toBe('7');
  // The lesson moved, not the free-play clock by one event from step 6's moment.
  expect(await ecmp.now()).not.toBe(at);
  await button(page, 'Close').click();
  // Free play again: the remote steps the simulation to its next event.
  const before = await ecmp.now();
  await page.keyboard.press('PageDown');
  await expect.poll(() => ecmp.now()).toBeGreaterThan(before);
});

test('the lesson’s text is at least 15 px at 1280×800', async ({ page, ecmp }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await ecmp.open(openStep(predictions[0]!.k));
  const sizes = await lessonRegion(page).evaluate((root) =>
    [...root.querySelectorAll('p, li, label, h2, button')]
      .filter((el) => (el as HTMLElement).offsetParent !== null && el.textContent?.trim())
      .filter((el) => !el.closest('.lesson-nav'))
      .map((el) => ({
        text: el.textContent!.trim().slice(0, 30),
        px: Number.parseFloat(getComputedStyle(el).fontSize),
      })),
  );
  expect(sizes.length).toBeGreaterThan(5);
  expect(sizes.filter((s) => s.px < 15)).toEqual([]);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no accessibility violations with the lesson open (${colorScheme})`, async ({
    page,
    ecmp,
  }) => {
    await page.emulateMedia({ colorScheme });
    const { k, step } = predictions[0]!;
    await ecmp.open(openStep(k));
    await lessonRegion(page)
      .getByRole('radio', { name: step.answers[(step.correct + 1) % step.answers.length]!.text })
      .check();
    await button(page, 'Check').click();
    await expect(lessonRegion(page).getByRole('status')).toContainText('Not quite.');
    const results = await new AxeBuilder({ page }).analyze();
    const summary = results.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
    expect(summary).toEqual([]);
  });
}
