import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "@mantine/dropzone/styles.css";
import "./styles.css";
import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { App } from "./App";
import { isApiError } from "./api/client";
import { meQueryKey } from "./features/auth/queries";
import { theme } from "./theme";

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    // A 401 from any other query means the session ended (expired, or signed out elsewhere):
    // forget the user so the guard sends them to sign-in instead of showing a broken page.
    onError: (error, query) => {
      if (isApiError(error, 401) && query.queryKey[0] !== meQueryKey[0]) {
        queryClient.setQueryData(meQueryKey, null);
      }
    },
  }),
  defaultOptions: {
    queries: {
      // 4xx answers will not change on retry; only network and server trouble is worth it.
      retry: (failureCount, error) =>
        failureCount < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

const rootElement = document.getElementById("root");
if (!rootElement) throw new Error("index.html has no #root element");

createRoot(rootElement).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      {/* Bottom right: top right would cover the account menu. */}
      <Notifications position="bottom-right" />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
