// Types of scripts/server-bundle.mjs, which plain node runs (npm start) and TypeScript imports (bench).
export function serverArgs(distDir?: string): Promise<string[]>;
export function serverEnv(env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
export function cliArgs(distDir?: string): Promise<string[]>;
