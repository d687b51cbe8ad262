import { Alert } from "@mantine/core";
import type { ReactNode } from "react";

interface ErrorAlertProps {
  message: string | null;
  title?: string;
  children?: ReactNode;
}

/** The form-level error box; renders nothing when there is nothing to say. */
export function ErrorAlert({ message, title, children }: ErrorAlertProps) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" title={title}>
      {message}
      {children}
    </Alert>
  );
}
