import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The monorepo root (the folder with the root package.json and package-lock.json). */
export const repoRoot = path.resolve(fileURLToPath(new URL('../../', import.meta.url)));

/** Where the domain modules live: `functions/src/api/<domain>.ts`, each the entry of one Lambda. */
export const defaultApiDir = path.join(repoRoot, 'functions', 'src', 'api');

/** The lock file NodejsFunction hashes and resolves dependencies against. */
export const rootLockFile = path.join(repoRoot, 'package-lock.json');
