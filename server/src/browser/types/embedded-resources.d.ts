// The virtual module scripts/build.mjs generates for the web bundle: every file under
// `schemas/`, as text, by its `/`-separated path from the package root.
declare module 'cadre-ia:resources' {
  const resources: Readonly<Record<string, string>>;
  export default resources;
}
