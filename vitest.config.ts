import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Real-Nix tests share one /nix store; two files at a time keeps them fast without contention.
    maxWorkers: 2,
    minWorkers: 1
  }
})
