import {
  type Active,
  type Announcements,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  type Over,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { ActionIcon, Box, Paper, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { createPortal } from 'react-dom';
import { dropTargetUnderPoint, jumpBetweenTargets } from './drop-targets';

// What a drag handle and a drop target carry: the record's id and the name spoken and shown for it.
export interface DndItem {
  id: string;
  label: string;
}

export interface DndNouns {
  // "PSA company", "Duo account"…
  source: string;
  target: string;
}

function itemOf(entry: Active | Over | null): DndItem | null {
  const data = entry?.data.current as Partial<DndItem> | undefined;
  return data?.id !== undefined && data.label !== undefined ? { id: data.id, label: data.label } : null;
}

function labelOf(entry: Active | Over | null): string {
  return itemOf(entry)?.label ?? 'the item';
}

function announcements(nouns: DndNouns): Announcements {
  return {
    onDragStart: ({ active }) =>
      `Picked up ${nouns.source} ${labelOf(active)}. Use the arrow keys to move it onto a ${nouns.target}, ` +
      `Space or Enter to drop it there, Escape to cancel.`,
    onDragOver: ({ active, over }) =>
      over
        ? `${labelOf(active)} is over ${nouns.target} ${labelOf(over)}. Drop to map ${labelOf(over)} to ${labelOf(active)}.`
        : `${labelOf(active)} is not over a ${nouns.target}.`,
    onDragEnd: ({ active, over }) =>
      over
        ? `${labelOf(active)} was dropped on ${labelOf(over)}: mapping ${labelOf(over)} to ${labelOf(active)}.`
        : `${labelOf(active)} was dropped outside any ${nouns.target}; nothing changed.`,
    onDragCancel: ({ active }) => `Dragging ${labelOf(active)} was cancelled; nothing changed.`,
  };
}

function instructions(nouns: DndNouns): string {
  return (
    `To map a ${nouns.target} to this ${nouns.source}, press Space or Enter to pick it up, use the arrow keys ` +
    `to move between ${nouns.target}s that can be mapped, and press Space or Enter to drop it on one, or Escape ` +
    `to cancel. Each ${nouns.target}'s "Map to…" menu does the same.`
  );
}

// Drag a source (a PSA record) onto a target (a Duo record) to map them, by pointer or by keyboard.
export function MappingDnd({
  nouns,
  onMap,
  children,
}: {
  nouns: DndNouns;
  onMap: (source: DndItem, target: DndItem) => void;
  children: ReactNode;
}) {
  const sensors = useSensors(
    // A few pixels of movement before a drag starts, so a click on the handle is not a drag.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: jumpBetweenTargets }),
  );
  const [dragged, setDragged] = useState<string | null>(null);
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={dropTargetUnderPoint}
      accessibility={{
        announcements: announcements(nouns),
        screenReaderInstructions: { draggable: instructions(nouns) },
      }}
      onDragStart={({ active }) => setDragged(labelOf(active))}
      onDragCancel={() => setDragged(null)}
      onDragEnd={({ active, over }) => {
        setDragged(null);
        const source = itemOf(active);
        const target = itemOf(over);
        if (source && target) onMap(source, target);
      }}
    >
      {children}
      {/* In a portal: the lists scroll inside their own boxes, which would clip the dragged item. */}
      {createPortal(
        <DragOverlay dropAnimation={null}>
          {dragged !== null && (
            <Paper shadow="md" px="sm" py={4} withBorder>
              <Text size="sm" fw={500}>
                {dragged}
              </Text>
            </Paper>
          )}
        </DragOverlay>,
        document.body,
      )}
    </DndContext>
  );
}

export function DragHandle({ item }: { item: DndItem }) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: `source:${item.id}`, data: item });
  return (
    <ActionIcon
      ref={setNodeRef}
      variant={isDragging ? 'filled' : 'subtle'}
      color="gray"
      size="sm"
      style={{ cursor: 'grab', touchAction: 'none' }}
      {...attributes}
      {...listeners}
      aria-label={`Drag ${item.label}`}
    >
      <Text component="span" aria-hidden size="sm" lh={1}>
        ⠿
      </Text>
    </ActionIcon>
  );
}

// A record something can be dropped on; disabled targets (already mapped) are skipped by the keyboard too.
export function DropTarget({ item, disabled, children }: { item: DndItem; disabled: boolean; children: ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id: `target:${item.id}`, data: item, disabled });
  return (
    <Box
      ref={setNodeRef}
      px={6}
      py={2}
      style={{
        borderRadius: 'var(--mantine-radius-sm)',
        outline: isOver ? '2px dashed var(--mantine-color-blue-6)' : undefined,
        background: isOver ? 'var(--mantine-color-blue-light)' : undefined,
      }}
    >
      {children}
    </Box>
  );
}
