import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The web app lives in src/web but index.html sits at the repo root, so the root is the repo
// itself; the server serves the build from dist/web.
const repoRoot = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root: repoRoot,
  plugins: [react()],
  build: {
    outDir: "dist/web",
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // React and Mantine change far less often than the app: a separate chunk stays cached
        // across releases.
        codeSplitting: {
          groups: [
            {
              name: "react",
              test: /node_modules[\\/](react|react-dom|react-router|scheduler|@tanstack)[\\/]/,
            },
            // Not @mantine/charts: it and recharts load only with the usage chart.
            { name: "mantine", test: /node_modules[\\/]@mantine[\\/](?!charts[\\/])/ },
          ],
        },
      },
    },
  },
  server: {
    // During `npm run dev:web` the API runs separately (`npm start`) on port 3000.
    proxy: {
      "/api": "http://localhost:3000",
    },
  },
});
