// The PSAs the simulator can speak. One seeded world (companies, agreements, their lines, the catalog) is served in
// the dialect of the chosen PSA: its auth, paths, JSON shapes, paging, errors and limits.
export const PSA_SIM_MODES = ['connectwise', 'autotask', 'halopsa'] as const;
export type PsaSimMode = (typeof PSA_SIM_MODES)[number];
