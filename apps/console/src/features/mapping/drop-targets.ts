import {
  type ClientRect,
  type CollisionDetection,
  KeyboardCode,
  type KeyboardCoordinateGetter,
  pointerWithin,
  type SensorContext,
  type UniqueIdentifier,
} from '@dnd-kit/core';

const STEP: Partial<Record<string, 1 | -1>> = {
  [KeyboardCode.Down]: 1,
  [KeyboardCode.Right]: 1,
  [KeyboardCode.Up]: -1,
  [KeyboardCode.Left]: -1,
};

interface Target {
  id: UniqueIdentifier;
  rect: ClientRect;
}

// Enabled drop targets in reading order (top to bottom, then left to right).
function targetsInOrder(context: SensorContext): Target[] {
  const targets: Target[] = [];
  for (const container of context.droppableContainers.getEnabled()) {
    const rect = context.droppableRects.get(container.id);
    if (rect) targets.push({ id: container.id, rect });
  }
  return targets.sort((a, b) => a.rect.top - b.rect.top || a.rect.left - b.rect.left);
}

// The keyboard moves the picked-up item straight onto the next (ArrowDown/ArrowRight) or previous
// (ArrowUp/ArrowLeft) drop target, centred on it, instead of dnd-kit's default 25px nudges: a keyboard user
// reaches any account in as many presses as it is rows away.
export const jumpBetweenTargets: KeyboardCoordinateGetter = (event, { context }) => {
  const step = STEP[event.code];
  const dragged = context.collisionRect;
  if (step === undefined || dragged === null) return undefined;
  const targets = targetsInOrder(context);
  if (targets.length === 0) return undefined;
  const current = targets.findIndex((t) => t.id === context.over?.id);
  const next =
    current === -1 ? (step > 0 ? 0 : targets.length - 1) : Math.min(targets.length - 1, Math.max(0, current + step));
  const rect = (targets[next] as Target).rect;
  return {
    x: rect.left + rect.width / 2 - dragged.width / 2,
    y: rect.top + rect.height / 2 - dragged.height / 2,
  };
};

// A drop lands on the target under the pointer, or (keyboard, no pointer) under the centre of the dragged
// item: nothing is "closest" by default, so dropping where no target is changes nothing.
export const dropTargetUnderPoint: CollisionDetection = (args) => {
  if (args.pointerCoordinates) return pointerWithin(args);
  const { collisionRect } = args;
  const centre = { x: collisionRect.left + collisionRect.width / 2, y: collisionRect.top + collisionRect.height / 2 };
  return pointerWithin({ ...args, pointerCoordinates: centre });
};
