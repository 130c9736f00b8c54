/** The worlds the emulator can start with or be reset to (seed-demo.ts, seed-scale.ts), or none. */
export const SEED_NAMES = ['demo', 'scale', 'scale-200', 'none'] as const;

export type SeedName = (typeof SEED_NAMES)[number];
