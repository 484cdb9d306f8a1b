import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The monorepo root (the folder with the root package.json and package-lock.json). */
export const repoRoot = path.resolve(fileURLToPath(new URL('../../', import.meta.url)));

/** Where the route table's handler modules live: `functions/src/handlers/<handler>.ts`. */
export const defaultHandlersDir = path.join(repoRoot, 'functions', 'src', 'handlers');

/** The lock file NodejsFunction hashes and resolves dependencies against. */
export const rootLockFile = path.join(repoRoot, 'package-lock.json');
