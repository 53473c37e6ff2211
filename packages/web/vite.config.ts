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
    // The DSFR icons/fonts copied into public/dsfr are referenced from index.html as-is.
    assetsInlineLimit: 0,
    sourcemap: true,
  },
  server: {
    port,
    strictPort: true,
    proxy: Object.fromEntries(serverPaths.map((p) => [p, { target: serverUrl, changeOrigin: false }])),
  },
});
