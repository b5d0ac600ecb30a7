import Module from "node:module";
import path from "node:path";

/**
 * Lets the benchmark load @react-pdf/renderer under tsx. tsx runs this
 * project's .ts files as CommonJS, and @react-pdf/textkit then asks for
 * `@react-pdf/hyphenate/en-us`, whose package exports it only under the
 * "import" condition, so Node's CommonJS resolver rejects it. This resolves
 * those subpaths to their files; Node 20.19 and later load the ES module
 * through require(). Next.js and Vitest bundle the package and need none
 * of this. Import this module before anything that loads react-pdf.
 */
type ResolveFilename = (request: string, ...rest: unknown[]) => string;

const loader = Module as unknown as { _resolveFilename: ResolveFilename };
const resolveFilename = loader._resolveFilename;
const HYPHENATE_SUBPATH = /^@react-pdf\/hyphenate\/([a-z-]+)$/;

loader._resolveFilename = function resolveEsmOnlySubpath(this: unknown, request: string, ...rest: unknown[]) {
  const match = HYPHENATE_SUBPATH.exec(request);
  if (match) {
    return path.join(process.cwd(), "node_modules", "@react-pdf", "hyphenate", "lib", `${match[1]}.js`);
  }
  return resolveFilename.call(this, request, ...rest);
};
