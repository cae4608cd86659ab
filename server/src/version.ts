/** The product's version: the one in package.json (esbuild inlines it into each bundle). */
export { version as VERSION } from '../../package.json';
