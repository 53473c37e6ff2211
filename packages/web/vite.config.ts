import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** Paths the Fastify server answers; the dev server forwards them so the app stays same-origin. */
const serverPaths = ["/api", "/healthz", "/dev", "/feeds"];
const serverUrl = process.env.TREMPLIN_SERVER_URL ?? "http://localhost:3000";
const port = Number(process.env.WEB_PORT ?? 5173);

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Fonts and icon SVGs imported by the DSFR styles stay files (hashed, cached for good), never inlined.
    assetsInlineLimit: 0,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change far less often than the app: in their own files, a deploy of the app
        // does not make every visitor download them again. Only side-effect-free libraries: the
        // DSFR's own script must stay a separate, lazily imported chunk, because react-dsfr sets
        // window.dsfr before importing it (grouped, it ran first and failed to start).
        codeSplitting: {
          groups: [
            { name: "react", test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/ },
            { name: "zod", test: /[\\/]node_modules[\\/]zod[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port,
    strictPort: true,
    proxy: Object.fromEntries(serverPaths.map((p) => [p, { target: serverUrl, changeOrigin: false }])),
  },
});
