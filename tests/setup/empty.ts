// Stands in for `server-only` under vitest: the real package throws outside a React server build.
export {};
