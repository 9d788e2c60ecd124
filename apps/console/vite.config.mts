import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The gateway serves the built console from the same origin; in `npm run dev -w @seatwise/console` Vite
// proxies the API to a running gateway (SEATWISE_GATEWAY_URL, default the stack's http://localhost:3000).
const gateway = process.env['SEATWISE_GATEWAY_URL'] ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    sourcemap: true,
    // Screens load on demand; the first screen's JavaScript is what the bench measures.
    chunkSizeWarningLimit: 800,
  },
  server: { proxy: { '/api': { target: gateway, changeOrigin: false } } },
});
