import { createTheme } from "@mantine/core";

export const theme = createTheme({
  primaryColor: "blue",
  defaultRadius: "md",
  // Keyboard users always see where focus is; mouse clicks do not leave rings behind.
  focusRing: "auto",
});
