/**
 * The exports of a CommonJS package loaded with `import()`. Bundled by esbuild into a lazy chunk,
 * a CommonJS module only has a `default` export (its module.exports); run from source, Node also
 * offers the named exports. This returns module.exports in both cases.
 */
export function commonJs<T extends object>(namespace: T): T {
  const exports = (namespace as { default?: unknown }).default;
  return (exports !== null && typeof exports === 'object' ? exports : namespace) as T;
}
