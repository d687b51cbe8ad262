import { Button, EmptyState, Paper } from "@mantine/core";
import type { ReactNode } from "react";

interface ListEmptyStateProps {
  title: string;
  description?: ReactNode;
  /** The one thing to do next, e.g. create the first item or clear the search. */
  action?: { label: string; onClick: () => void } | ReactNode;
}

/** What a list shows instead of an empty table: why it is empty and what to do next. */
export function ListEmptyState({ title, description, action }: ListEmptyStateProps) {
  return (
    <Paper withBorder radius="md" p="xl" role="status">
      <EmptyState title={title} description={description}>
        {action && (
          <EmptyState.Actions>
            {isButtonAction(action) ? (
              <Button variant="light" onClick={action.onClick}>
                {action.label}
              </Button>
            ) : (
              action
            )}
          </EmptyState.Actions>
        )}
      </EmptyState>
    </Paper>
  );
}

function isButtonAction(action: unknown): action is { label: string; onClick: () => void } {
  return typeof action === "object" && action !== null && "onClick" in action && "label" in action;
}
