import { ActionIcon, Group, Paper, SimpleGrid, Text, Tooltip, VisuallyHidden } from "@mantine/core";
import { useId } from "react";
import { USAGE_DEFINITIONS } from "../../../../domain/usage-period";
import type { UsageFigures } from "../api";
import { changeAgainst, FIGURE_LABELS, type FigureKey, formatFigure, formatPeriod } from "../format";

const KEYS: FigureKey[] = ["calls", "callMinutes", "roomMinutes"];

interface UsageFigureCardsProps {
  totals: UsageFigures;
  /** The same figures of the period before, for the change; left out where there is none. */
  previous?: UsageFigures & { from: string; to: string };
}

/** The three figures of a period, each with its definition and its change against the period before. */
export function UsageFigureCards({ totals, previous }: UsageFigureCardsProps) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
      {KEYS.map((key) => (
        <Figure key={key} figure={key} value={totals[key]} previous={previous} />
      ))}
    </SimpleGrid>
  );
}

function Figure({
  figure,
  value,
  previous,
}: {
  figure: FigureKey;
  value: number;
  previous: UsageFigureCardsProps["previous"];
}) {
  const labelId = useId();
  const definitionId = useId();
  const change = previous ? changeAgainst(value, previous[figure]) : null;
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-labelledby={labelId}
      aria-describedby={definitionId}
    >
      <Group gap={4} wrap="nowrap">
        <Text size="sm" fw={600} id={labelId}>
          {FIGURE_LABELS[figure]}
        </Text>
        <Tooltip
          label={USAGE_DEFINITIONS[figure]}
          multiline
          w={280}
          withArrow
          events={{ hover: true, focus: true, touch: true }}
        >
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            radius="xl"
            aria-label={`About ${FIGURE_LABELS[figure]}`}
          >
            <InfoIcon />
          </ActionIcon>
        </Tooltip>
      </Group>
      <VisuallyHidden id={definitionId}>{USAGE_DEFINITIONS[figure]}</VisuallyHidden>
      <Text fz={28} fw={700} lh={1.3} data-testid={`usage-${figure}`}>
        {formatFigure(figure, value)}
      </Text>
      {change && previous && (
        <Text size="sm" c="dimmed">
          <span aria-hidden="true">{change.text}</span>
          <VisuallyHidden>{change.spoken}</VisuallyHidden>{" "}
          <span aria-hidden="true">vs {formatPeriod(previous)}</span>
          <VisuallyHidden>
            ({formatPeriod(previous)}: {formatFigure(figure, previous[figure])})
          </VisuallyHidden>
        </Text>
      )}
    </Paper>
  );
}

/** A circled "i" (no icon font: one small inline SVG). */
function InfoIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <rect x="7.25" y="7" width="1.5" height="5" rx="0.75" fill="currentColor" />
      <circle cx="8" cy="4.75" r="1" fill="currentColor" />
    </svg>
  );
}
