import { Anchor } from "@mantine/core";
import type { ReactNode } from "react";

// Stops at whitespace and characters that cannot end a URL in running text.
const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}]+$/;

/**
 * Plain text with its http(s) links made clickable, so an operator without a mail server can
 * follow invitation and reset links straight from the outbox. Text is never parsed as HTML.
 */
export function LinkifiedText({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let cursor = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index;
    const url = match[0].replace(TRAILING_PUNCTUATION, "");
    if (start > cursor) parts.push(text.slice(cursor, start));
    parts.push(
      <Anchor
        key={start}
        href={url}
        target="_blank"
        rel="noopener noreferrer"
        style={{ wordBreak: "break-all" }}
      >
        {url}
      </Anchor>,
    );
    cursor = start + url.length;
  }
  if (cursor < text.length) parts.push(text.slice(cursor));
  return <>{parts}</>;
}
