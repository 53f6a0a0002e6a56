/** The version of the core's fold, set at build time (vite.config.ts). */
declare const __LIMBER_FOLD_VERSION__: string;
